from enum import Enum


class cloud_enum(str, Enum):
    aws = "aws"
    azure = "azure"
    do = "do"
    gcp = "gcp"

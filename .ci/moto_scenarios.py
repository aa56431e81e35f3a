"""The requests of .ci/moto_check.py that make moto's S3 server answer the common S3 errors."""

from __future__ import annotations

from moto_s3 import EU_WEST_1, MotoS3, xml_child

# Every code the scenarios must provoke: a fixed list, so the check cannot pass by provoking nothing.
EXPECTED_CODES = frozenset({
    "AccessDenied", "AccessForbidden", "BadRequest", "BucketAlreadyExists", "BucketAlreadyOwnedByYou",
    "BucketNotEmpty", "CrossLocationLoggingProhibited", "EntityTooSmall", "IllegalLocationConstraintException",
    "InvalidArgument", "InvalidBucket", "InvalidBucketName", "InvalidBucketState", "InvalidLocationConstraint",
    "InvalidNamespaceHeader", "InvalidObjectState", "InvalidPart", "InvalidPartOrder", "InvalidRange",
    "InvalidRequest", "InvalidStorageClass", "InvalidTag", "InvalidTargetBucketForLogging", "MalformedACLError",
    "MalformedXML", "MethodNotAllowed", "MissingRequestBodyError", "MissingUploadObjectWithObjectLockHeaders",
    "NoSuchBucket", "NoSuchBucketPolicy", "NoSuchCORSConfiguration", "NoSuchInventoryConfig", "NoSuchKey",
    "NoSuchLifecycleConfiguration", "NoSuchPublicAccessBlockConfiguration", "NoSuchTagSet", "NoSuchUpload",
    "NoSuchVersion", "NoSuchWebsiteConfiguration", "ObjectLockConfigurationNotFoundError",
    "ObjectNotInActiveTierError", "OwnershipControlsNotFoundError", "PreconditionFailed",
    "ReplicationConfigurationNotFoundError", "ServerSideEncryptionConfigurationNotFoundError",
})
OTHER_ACCOUNT = "111122223333"  # moto's x-moto-account-id: a bucket owned by someone else

DATA = "/moto-check-data"  # a plain bucket holding one small object
VERSIONED = "/moto-check-versions"
EU = "/moto-check-eu"  # a bucket in eu-west-1
CORS = "/moto-check-cors"
LOCKED = "/moto-check-locked"  # created with Object Lock


def provoke(s3: MotoS3) -> None:
    """Provokes every expected error; moto's answers accumulate in `s3.exchanges`."""
    s3.ok("PUT", DATA)
    s3.ok("PUT", f"{DATA}/object", "hello, errata")
    provoke_buckets(s3)
    provoke_objects(s3)
    provoke_versions(s3)
    provoke_multipart(s3)
    provoke_configurations(s3)
    provoke_object_lock(s3)
    provoke_logging_and_cors(s3)


def provoke_buckets(s3: MotoS3) -> None:
    s3.error("GetObject, no such bucket", "NoSuchBucket", "GET", "/moto-check-missing/object")
    s3.error("CreateBucket, name too short", "InvalidBucketName", "PUT", "/ab")
    s3.error("CreateBucket, someone else's name", "BucketAlreadyExists", "PUT", DATA,
             headers={"x-moto-account-id": OTHER_ACCOUNT})
    s3.ok("PUT", EU, "<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint>"
                     "</CreateBucketConfiguration>", EU_WEST_1)
    s3.error("CreateBucket again, from another region", "BucketAlreadyOwnedByYou", "PUT", EU)
    s3.error("CreateBucket, us-east-1 named as constraint", "InvalidLocationConstraint", "PUT", "/moto-check-new",
             "<CreateBucketConfiguration><LocationConstraint>us-east-1</LocationConstraint>"
             "</CreateBucketConfiguration>")
    s3.error("CreateBucket in eu-west-1, no constraint", "IllegalLocationConstraintException", "PUT",
             "/moto-check-new", headers=EU_WEST_1)
    s3.error("CreateBucket, account-regional namespace", "InvalidNamespaceHeader", "PUT", "/moto-check-new",
             headers={"x-amz-bucket-namespace": "account-regional"})
    s3.error("DeleteBucket, not empty", "BucketNotEmpty", "DELETE", DATA)


def provoke_objects(s3: MotoS3) -> None:
    s3.error("GetObject, no such key", "NoSuchKey", "GET", f"{DATA}/missing")
    s3.error("HeadObject, no such key", "NoSuchKey", "HEAD", f"{DATA}/missing")
    s3.error("GetObject, range past the end", "InvalidRange", "GET", f"{DATA}/object",
             headers={"Range": "bytes=100-200"})
    s3.error("GetObject, If-Match another ETag", "PreconditionFailed", "GET", f"{DATA}/object",
             headers={"If-Match": '"00000000000000000000000000000000"'})
    s3.error("PutObject, unknown storage class", "InvalidStorageClass", "PUT", f"{DATA}/shiny", "x",
             {"x-amz-storage-class": "SHINY"})
    s3.ok("PUT", f"{DATA}/cold", "frozen", {"x-amz-storage-class": "GLACIER"})
    s3.error("GetObject, archived", "InvalidObjectState", "GET", f"{DATA}/cold")
    s3.error("CopyObject, archived source", "ObjectNotInActiveTierError", "PUT", f"{DATA}/thawed",
             headers={"x-amz-copy-source": f"{DATA}/cold"})
    s3.error("CopyObject onto itself, nothing changed", "InvalidRequest", "PUT", f"{DATA}/object",
             headers={"x-amz-copy-source": f"{DATA}/object"})
    s3.error("PutObjectTagging, eleven tags", "BadRequest", "PUT", f"{DATA}/object?tagging",
             tagging([(f"k{index}", "v") for index in range(11)]))


def provoke_versions(s3: MotoS3) -> None:
    s3.ok("PUT", VERSIONED)
    s3.ok("PUT", f"{VERSIONED}?versioning",
          "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>")
    s3.ok("PUT", f"{VERSIONED}/object", "version one")
    headers, _ = s3.ok("DELETE", f"{VERSIONED}/object")
    marker = headers["x-amz-version-id"]
    s3.error("GetObject, no such version", "NoSuchVersion", "GET",
             f"{VERSIONED}/object?versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrH")
    s3.error("PutObjectTagging on a delete marker", "MethodNotAllowed", "PUT",
             f"{VERSIONED}/object?tagging&versionId={marker}", tagging([("k", "v")]))


def provoke_multipart(s3: MotoS3) -> None:
    _, answer = s3.ok("POST", f"{DATA}/multi?uploads")
    upload = xml_child(answer, "UploadId")
    s3.error("ListParts, no such upload", "NoSuchUpload", "GET", f"{DATA}/multi?uploadId=no-such-upload")
    s3.error("AbortMultipartUpload, no such upload", "NoSuchUpload", "DELETE",
             f"{DATA}/multi?uploadId=no-such-upload")
    s3.error("ListParts, negative max-parts", "InvalidArgument", "GET", f"{DATA}/multi?uploadId={upload}&max-parts=-1")
    s3.error("UploadPart, part number 10001", "InvalidArgument", "PUT",
             f"{DATA}/multi?partNumber=10001&uploadId={upload}", "part")
    s3.error("CompleteMultipartUpload, part never uploaded", "InvalidPart", "POST", f"{DATA}/multi?uploadId={upload}",
             complete_body([(1, '"00000000000000000000000000000000"')]))
    etags = [s3.ok("PUT", f"{DATA}/multi?partNumber={number}&uploadId={upload}", f"part {number}")[0]["etag"]
             for number in (1, 2)]
    # moto compares each part number with 0 only (never with the previous one): part 0 is "out of order".
    s3.error("CompleteMultipartUpload, part 0", "InvalidPartOrder", "POST", f"{DATA}/multi?uploadId={upload}",
             complete_body([(0, etags[0])]))
    s3.error("CompleteMultipartUpload, first part under 5 MiB", "EntityTooSmall", "POST",
             f"{DATA}/multi?uploadId={upload}", complete_body([(1, etags[0]), (2, etags[1])]))


def provoke_configurations(s3: MotoS3) -> None:
    """The bucket subresources, each read before anything set it, and each set wrongly."""
    for subresource, code in [
        ("policy", "NoSuchBucketPolicy"), ("lifecycle", "NoSuchLifecycleConfiguration"),
        ("cors", "NoSuchCORSConfiguration"), ("tagging", "NoSuchTagSet"), ("website", "NoSuchWebsiteConfiguration"),
        ("encryption", "ServerSideEncryptionConfigurationNotFoundError"),
        ("ownershipControls", "OwnershipControlsNotFoundError"),
        ("replication", "ReplicationConfigurationNotFoundError"),
        ("object-lock", "ObjectLockConfigurationNotFoundError"),
        ("publicAccessBlock", "NoSuchPublicAccessBlockConfiguration"), ("inventory&id=weekly", "NoSuchInventoryConfig"),
    ]:
        s3.error(f"Get {subresource.split('&')[0]}, none set", code, "GET", f"{DATA}?{subresource}")
    s3.error("PutBucketTagging, aws: prefix", "InvalidTag", "PUT", f"{DATA}?tagging", tagging([("aws:owner", "me")]))
    s3.error("PutBucketTagging, a key twice", "InvalidTag", "PUT", f"{DATA}?tagging", tagging([("k", "1"), ("k", "2")]))
    s3.error("PutBucketCors, PATCH", "InvalidRequest", "PUT", f"{DATA}?cors",
             "<CORSConfiguration><CORSRule><AllowedMethod>PATCH</AllowedMethod>"
             "<AllowedOrigin>*</AllowedOrigin></CORSRule></CORSConfiguration>")
    s3.error("PutBucketReplication, versioning off", "InvalidRequest", "PUT", f"{DATA}?replication",
             "<ReplicationConfiguration><Role>arn:aws:iam::123456789012:role/r</Role></ReplicationConfiguration>")
    # An element with no attribute at all crashes moto (500): it pops the xmlns attribute unconditionally.
    s3.error("PutPublicAccessBlock, nothing set", "InvalidRequest", "PUT", f"{DATA}?publicAccessBlock",
             '<PublicAccessBlockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>')
    s3.error("PutBucketAcl, no AccessControlPolicy", "MalformedACLError", "PUT", f"{DATA}?acl", "<AccessControlList/>")
    s3.error("PutBucketAccelerateConfiguration, unknown status", "MalformedXML", "PUT", f"{DATA}?accelerate",
             "<AccelerateConfiguration><Status>Sideways</Status></AccelerateConfiguration>")
    s3.error("PutBucketNotificationConfiguration, not an ARN", "InvalidArgument", "PUT", f"{DATA}?notification",
             "<NotificationConfiguration><QueueConfiguration><Queue>not-an-arn</Queue>"
             "<Event>s3:ObjectCreated:*</Event></QueueConfiguration></NotificationConfiguration>")


def provoke_object_lock(s3: MotoS3) -> None:
    lock = "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>"
    s3.error("PutObjectLockConfiguration, no body", "MissingRequestBodyError", "PUT", f"{DATA}?object-lock")
    s3.error("PutObjectLockConfiguration, versioning off", "InvalidBucketState", "PUT", f"{DATA}?object-lock", lock)
    s3.error("PutObjectLockConfiguration, bucket not empty", "InvalidBucket", "PUT", f"{VERSIONED}?object-lock", lock)
    retention = {"x-amz-object-lock-mode": "COMPLIANCE", "x-amz-object-lock-retain-until-date": "2100-01-01T00:00:00Z"}
    s3.error("PutObject with retention, no Content-MD5", "MissingUploadObjectWithObjectLockHeaders", "PUT",
             f"{DATA}/kept", "kept", retention)
    checksum = {**retention, "x-amz-sdk-checksum-algorithm": "CRC32"}
    s3.error("PutObject with retention, bucket without Object Lock", "InvalidRequest", "PUT", f"{DATA}/kept", "kept",
             checksum)
    s3.ok("PUT", LOCKED, headers={"x-amz-bucket-object-lock-enabled": "true"})
    headers, _ = s3.ok("PUT", f"{LOCKED}/kept", "kept", checksum)
    s3.error("DeleteObject, version under retention", "AccessDenied", "DELETE",
             f"{LOCKED}/kept?versionId={headers['x-amz-version-id']}")


def provoke_logging_and_cors(s3: MotoS3) -> None:
    s3.error("PutBucketLogging, no such target", "InvalidTargetBucketForLogging", "PUT", f"{DATA}?logging",
             logging_status("/moto-check-missing"))
    s3.ok("PUT", f"{EU}?acl", headers={"x-amz-acl": "log-delivery-write"})
    s3.error("PutBucketLogging, target in another region", "CrossLocationLoggingProhibited", "PUT",
             f"{DATA}?logging", logging_status(EU))
    s3.ok("PUT", CORS)
    s3.ok("PUT", f"{CORS}?cors", "<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>"
                                 "https://console.example</AllowedOrigin></CORSRule></CORSConfiguration>")
    s3.error("CORS preflight, origin not allowed", "AccessForbidden", "OPTIONS", f"{CORS}/object",
             headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"})


def tagging(tags: list[tuple[str, str]]) -> str:
    listed = "".join(f"<Tag><Key>{key}</Key><Value>{value}</Value></Tag>" for key, value in tags)
    return f"<Tagging><TagSet>{listed}</TagSet></Tagging>"


def logging_status(target: str) -> str:
    return (f"<BucketLoggingStatus><LoggingEnabled><TargetBucket>{target.lstrip('/')}</TargetBucket>"
            "<TargetPrefix>logs/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>")


def complete_body(parts: list[tuple[int, str]]) -> str:
    """A CompleteMultipartUpload body naming `parts` (number, ETag) in the order given."""
    listed = "".join(f"<Part><PartNumber>{number}</PartNumber><ETag>{etag}</ETag></Part>" for number, etag in parts)
    return f"<CompleteMultipartUpload>{listed}</CompleteMultipartUpload>"

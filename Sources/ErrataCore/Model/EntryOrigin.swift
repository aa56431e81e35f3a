/// Where an entry's error code comes from, so a console can tell the service's own codes from generic ones.
///
/// For example, `NotSuchBucketPolicy` is the storage service's own spelling (``service``),
/// `NoSuchLifecycleConfiguration` is a code S3 documents that the service's list lacks (``s3``), and
/// `UnrecognizedError` describes, by HTTP status class, any code in neither set (``generic``).
public enum EntryOrigin: String, CaseIterable, Codable, Hashable, Sendable {
    /// The storage service's own error code, from its documented list.
    case service
    /// An error code from S3's public documentation that the service's list lacks; S3 SDKs and proxies produce them.
    case s3
    /// Errata's answer for a code it does not know, chosen by the response's HTTP status class.
    case generic
}

// Replaced by the client implementation.
enum ErrataClientPlaceholder {}

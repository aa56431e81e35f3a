enum PlaceholderErrataServer {}

//! ibid-ingest

//! ibid-crf

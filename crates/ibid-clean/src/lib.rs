//! ibid-clean

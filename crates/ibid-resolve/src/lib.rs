//! ibid-resolve

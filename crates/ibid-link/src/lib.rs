//! ibid-link

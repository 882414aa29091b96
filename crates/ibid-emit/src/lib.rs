//! ibid-emit

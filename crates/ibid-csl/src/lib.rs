//! ibid-csl

//! ibid-segment

//! Shared test helpers.
#![allow(dead_code)]

pub mod fixture;
pub mod tree;

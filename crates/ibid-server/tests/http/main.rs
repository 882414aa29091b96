//! The server over a real socket on 127.0.0.1: every endpoint, status
//! codes, forms, content negotiation, limits, TEI shape, OpenAPI.

mod grobid;
mod limits;
mod native;
mod openapi;
mod support;

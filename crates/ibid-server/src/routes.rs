//! The route table: one place that says which path answers which methods,
//! from which the router is built (and which the OpenAPI test reads).

use crate::state::AppState;
use crate::{assets, grobid, middleware, native};
use axum::extract::DefaultBodyLimit;
use axum::routing::{on, MethodFilter, MethodRouter};
use axum::Router;

/// What a route does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Page,
    Css,
    Js,
    OpenApi,
    IsAlive,
    Version,
    ProcessCitation,
    ProcessCitationList,
    Notes,
    References,
}

/// One path and method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    pub path: &'static str,
    /// Upper-case HTTP method.
    pub method: &'static str,
    pub endpoint: Endpoint,
}

const fn r(path: &'static str, method: &'static str, endpoint: Endpoint) -> Route {
    Route {
        path,
        method,
        endpoint,
    }
}

/// Every route the server answers (GET routes also answer HEAD).
pub const ROUTES: &[Route] = &[
    r("/", "GET", Endpoint::Page),
    r("/assets/viewer.css", "GET", Endpoint::Css),
    r("/assets/viewer.js", "GET", Endpoint::Js),
    r("/openapi.json", "GET", Endpoint::OpenApi),
    r("/api/isalive", "GET", Endpoint::IsAlive),
    r("/api/version", "GET", Endpoint::Version),
    r("/api/processCitation", "POST", Endpoint::ProcessCitation),
    r("/api/processCitation", "PUT", Endpoint::ProcessCitation),
    r(
        "/api/processCitationList",
        "POST",
        Endpoint::ProcessCitationList,
    ),
    r("/v1/notes", "POST", Endpoint::Notes),
    r("/v1/references", "POST", Endpoint::References),
];

fn method_router(route: &Route) -> MethodRouter<AppState> {
    let filter = match route.method {
        "POST" => MethodFilter::POST,
        "PUT" => MethodFilter::PUT,
        _ => MethodFilter::GET,
    };
    match route.endpoint {
        Endpoint::Page => on(filter, assets::page),
        Endpoint::Css => on(filter, assets::css),
        Endpoint::Js => on(filter, assets::js),
        Endpoint::OpenApi => on(filter, assets::openapi),
        Endpoint::IsAlive => on(filter, grobid::is_alive),
        Endpoint::Version => on(filter, grobid::version),
        Endpoint::ProcessCitation => on(filter, grobid::process_citation),
        Endpoint::ProcessCitationList => on(filter, grobid::process_citation_list),
        Endpoint::Notes => on(filter, native::notes),
        Endpoint::References => on(filter, native::references_handler),
    }
}

/// The whole application: routes, body cap, timeout, access log.
pub fn router(state: AppState) -> Router {
    let mut app: Router<AppState> = Router::new();
    for route in ROUTES {
        app = app.route(route.path, method_router(route));
    }
    let max_body = state.config().max_body;
    app.fallback(assets::not_found)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::timeout,
        ))
        .layer(axum::middleware::from_fn(middleware::access_log))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every (path, method) of the router is in the OpenAPI document, and
    /// every operation of the document is a route.
    #[test]
    fn openapi_matches_routes() {
        let doc: serde_json::Value = serde_json::from_str(assets::OPENAPI).unwrap();
        assert_eq!(doc["openapi"].as_str().map(|v| &v[..3]), Some("3.1"));
        let mut documented = BTreeSet::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for method in [
                "get", "put", "post", "delete", "patch", "head", "options", "trace",
            ] {
                if item.get(method).is_some() {
                    documented.insert((path.clone(), method.to_ascii_uppercase()));
                }
            }
        }
        let routed: BTreeSet<(String, String)> = ROUTES
            .iter()
            .map(|r| (r.path.to_string(), r.method.to_string()))
            .collect();
        assert_eq!(documented, routed);
    }

    #[test]
    fn router_builds() {
        let _ = router(AppState::new(crate::ServerConfig::default()));
    }
}

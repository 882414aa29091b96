//! The OpenAPI document against the live router: every documented
//! operation answers (not 404/405), every undocumented method is 405.

use super::support::*;
use reqwest::{Method, StatusCode};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_matches_the_router() {
    let (s, c) = start_with_client().await;
    let r = c.get(s.url("/openapi.json")).fetch().await;
    assert_eq!(r.status(), StatusCode::OK);
    let doc: serde_json::Value = r.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    let methods = ["get", "put", "post", "delete", "patch"];
    let mut operations = 0;
    for (path, item) in paths {
        for m in methods {
            let method = Method::from_bytes(m.to_ascii_uppercase().as_bytes()).unwrap();
            let r = c
                .request(method.clone(), s.url(path))
                .header("Content-Type", FORM)
                .body("citations=Taylor%2C+Origins+%28London%2C+1961%29")
                .fetch()
                .await;
            if item.get(m).is_some() {
                operations += 1;
                assert!(
                    r.status() != StatusCode::NOT_FOUND
                        && r.status() != StatusCode::METHOD_NOT_ALLOWED,
                    "{m} {path} is documented but answers {}",
                    r.status()
                );
                let documented = item[m]["responses"]
                    .as_object()
                    .unwrap()
                    .contains_key(r.status().as_str());
                assert!(
                    documented,
                    "{m} {path}: status {} is not documented",
                    r.status()
                );
            } else {
                assert_eq!(
                    r.status(),
                    StatusCode::METHOD_NOT_ALLOWED,
                    "{m} {path} is not documented"
                );
            }
        }
    }
    assert_eq!(operations, ibid_server::ROUTES.len());
    for route in ibid_server::ROUTES {
        let op = &doc["paths"][route.path][route.method.to_ascii_lowercase()];
        assert!(
            op.is_object(),
            "{} {} missing from openapi.json",
            route.method,
            route.path
        );
    }
    s.stop().await;
}

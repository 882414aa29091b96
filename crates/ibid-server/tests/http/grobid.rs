//! GROBID's citation endpoints.

use super::support::*;
use reqwest::StatusCode;

const ARTICLE: &str = "Kennedy, P. M., \u{2018}The Tradition of Appeasement in British Foreign Policy, 1865\u{2013}1939\u{2019}, British Journal of International Studies, 2 (1976), pp. 195\u{2013}215.";
const BOOK: &str = "Taylor, A. J. P., The Origins of the Second World War (London, 1961).";

/// GROBID's element names in a `<biblStruct>`.
fn check_bibl_struct(b: &El) {
    assert_eq!(b.name, "biblStruct");
    let monogr = b.child("monogr").expect("<monogr>");
    assert!(monogr.child("title").is_some(), "<monogr><title>");
    assert!(monogr.child("imprint").is_some(), "<monogr><imprint>");
    let allowed = ["analytic", "monogr", "series", "note"];
    for c in &b.children {
        assert!(
            allowed.contains(&c.name.as_str()),
            "unexpected <{}>",
            c.name
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_checks() {
    let (s, c) = start_with_client().await;
    let r = c.get(s.url("/api/isalive")).fetch().await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.text().await.unwrap(), "true");
    let r = c.get(s.url("/api/version")).fetch().await;
    assert_eq!(r.status(), StatusCode::OK);
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn process_citation_urlencoded_gives_grobid_tei() {
    let (s, c) = start_with_client().await;
    let body = format!("citations={}&consolidateCitations=1", urlencode(ARTICLE));
    let r = post_typed(&c, s.url("/api/processCitation"), FORM, body).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(ctype(&r).starts_with("application/xml"));
    let body = r.text().await.unwrap();
    let b = parse_xml(&body);
    check_bibl_struct(&b);
    assert_eq!(b.attr("xmlns"), Some("http://www.tei-c.org/ns/1.0"));
    let analytic = b.child("analytic").expect("an article has <analytic>");
    let title = analytic.child("title").expect("<analytic><title>");
    assert_eq!(title.attr("level"), Some("a"));
    assert!(
        title.deep_text().contains("Tradition of Appeasement"),
        "{body}"
    );
    assert!(b
        .all("persName")
        .iter()
        .any(|p| p.deep_text().contains("Kennedy")));
    assert!(b
        .all("note")
        .iter()
        .all(|n| n.attr("type") != Some("raw_reference")));
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn process_citation_put_multipart_and_raw() {
    let (s, c) = start_with_client().await;
    let form = reqwest::multipart::Form::new()
        .text("citations", BOOK)
        .text("includeRawCitations", "1");
    let url = s.url("/api/processCitation");
    let r = c.put(url).multipart(form).fetch().await;
    assert_eq!(r.status(), StatusCode::OK);
    let body = r.text().await.unwrap();
    let b = parse_xml(&body);
    check_bibl_struct(&b);
    assert!(
        b.child("analytic").is_none(),
        "a book has no <analytic>: {body}"
    );
    let monogr = b.child("monogr").unwrap();
    assert_eq!(monogr.child("title").unwrap().attr("level"), Some("m"));
    let raw = b
        .all("note")
        .into_iter()
        .find(|n| n.attr("type") == Some("raw_reference"))
        .expect("raw_reference note");
    assert_eq!(raw.deep_text(), BOOK);
    let date = b.all("date");
    assert!(
        date.iter().any(|d| d.attr("when") == Some("1961")),
        "{body}"
    );
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn process_citation_bibtex() {
    let (s, c) = start_with_client().await;
    let r = c
        .post(s.url("/api/processCitation"))
        .header("Accept", "application/x-bibtex")
        .form(&[("citations", BOOK)])
        .fetch()
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(ctype(&r).starts_with("application/x-bibtex"));
    let body = r.text().await.unwrap();
    assert!(body.starts_with("@book{"), "{body}");
    assert!(body.contains("1961"), "{body}");
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn process_citation_no_content_and_bad_input() {
    let (s, c) = start_with_client().await;
    let url = s.url("/api/processCitation");
    for body in [
        "citations=",
        "citations=+++%20",
        "consolidateCitations=0",
        "",
    ] {
        let r = post_typed(&c, &url, FORM, body).await;
        assert_eq!(r.status(), StatusCode::NO_CONTENT, "{body:?}");
        assert!(r.bytes().await.unwrap().is_empty());
    }
    for body in [
        "citations=Taylor&consolidateCitations=x",
        "citations=Taylor&includeRawCitations=maybe",
        "citations=%FF%FE",
        "citations=%G0",
    ] {
        let r = post_typed(&c, &url, FORM, body).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{body:?}");
        assert_eq!(json_status(r).await, 400);
    }
    let r = post_typed(&c, &url, "application/json", "{\"citations\": \"Taylor\"}").await;
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let not_multipart = "this is not multipart";
    let r = post_typed(&c, &url, "multipart/form-data; boundary=zzz", not_multipart).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn process_citation_list_gives_grobid_envelope() {
    let (s, c) = start_with_client().await;
    let body = format!(
        "citations={}&citations=&citations={}&includeRawCitations=1",
        urlencode(ARTICLE),
        urlencode(BOOK)
    );
    let url = s.url("/api/processCitationList");
    let r = post_typed(&c, &url, FORM, body).await;
    assert_eq!(r.status(), StatusCode::OK);
    let text = r.text().await.unwrap();
    let tei = parse_xml(&text);
    assert_eq!(tei.name, "TEI");
    assert_eq!(tei.attr("xmlns"), Some("http://www.tei-c.org/ns/1.0"));
    assert!(tei.child("teiHeader").is_some());
    let back = tei
        .child("text")
        .and_then(|t| t.child("back"))
        .expect("<text><back>");
    let list = back
        .child("div")
        .and_then(|d| d.child("listBibl"))
        .expect("<div><listBibl>");
    let bibls: Vec<&El> = list.children.iter().collect();
    assert_eq!(bibls.len(), 3, "{text}");
    for (i, b) in bibls.iter().enumerate() {
        assert_eq!(b.name, "biblStruct");
        assert_eq!(b.attr("xml:id"), Some(format!("b{i}").as_str()));
    }
    assert!(
        bibls[1].children.is_empty(),
        "empty citation, empty biblStruct"
    );
    check_bibl_struct(bibls[0]);
    check_bibl_struct(bibls[2]);
    let raws: Vec<String> = tei
        .all("note")
        .into_iter()
        .filter(|n| n.attr("type") == Some("raw_reference"))
        .map(El::deep_text)
        .collect();
    assert_eq!(raws, vec![ARTICLE.to_string(), BOOK.to_string()]);

    // multipart with repeated fields, BibTeX
    let form = reqwest::multipart::Form::new()
        .text("citations", ARTICLE)
        .text("citations", BOOK);
    let r = c
        .post(&url)
        .header("Accept", "application/x-bibtex")
        .multipart(form)
        .fetch()
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let bib = r.text().await.unwrap();
    assert_eq!(
        bib.matches("\n@").count() + usize::from(bib.starts_with('@')),
        2,
        "{bib}"
    );

    // nothing to parse
    let blanks = [("citations", " "), ("citations", "")];
    let r = c.post(&url).form(&blanks).fetch().await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = c.post(&url).form(&[("other", "x")]).fetch().await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_method_and_unknown_path() {
    let (s, c) = start_with_client().await;
    let r = c.get(s.url("/api/processCitation")).fetch().await;
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
    let r = c.put(s.url("/api/processCitationList")).fetch().await;
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
    let r = c.get(s.url("/api/processFulltextDocument")).fetch().await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    s.stop().await;
}

//! `/v1/notes`, `/v1/references` and the page.

use super::support::*;
use reqwest::StatusCode;

async fn notes(s: &TestServer, query: &str, accept: Option<&str>, body: &str) -> reqwest::Response {
    let mut rb = client()
        .post(s.url(&format!("/v1/notes{query}")))
        .header("Content-Type", "text/plain; charset=utf-8")
        .body(body.to_string());
    if let Some(a) = accept {
        rb = rb.header("Accept", a);
    }
    rb.fetch().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_document_and_negotiation() {
    let s = start_default().await;
    let text = example("notes.txt");
    let expected = ibid::Parser::new().parse_str(&text);

    let r = notes(&s, "", None, &text).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(ctype(&r), "application/json");
    let doc: ibid::Document = r.json().await.unwrap();
    assert_eq!(doc, expected, "the server answers what the library parses");
    assert!(doc
        .citations()
        .any(|(_, c)| c.kind == ibid::CitationKind::Ibid));

    let r = notes(&s, "", Some("application/x-bibtex"), &text).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(ctype(&r).starts_with("application/x-bibtex"));
    assert!(r.text().await.unwrap().trim_start().starts_with('@'));

    let r = notes(&s, "", Some("application/x-research-info-systems"), &text).await;
    assert!(ctype(&r).starts_with("application/x-research-info-systems"));
    assert!(r.text().await.unwrap().starts_with("TY  - "));

    let r = notes(&s, "", Some("application/tei+xml"), &text).await;
    assert!(ctype(&r).starts_with("application/tei+xml"));
    let tei = parse_xml(&r.text().await.unwrap());
    assert_eq!(tei.name, "TEI");
    assert_eq!(tei.all("biblStruct").len(), expected.works.len());

    let r = notes(
        &s,
        "",
        Some("text/html;q=0.9, application/xhtml+xml;q=0.8"),
        &text,
    )
    .await;
    assert!(ctype(&r).starts_with("text/html"));
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"ibid-data\""));
    assert!(
        html.contains("\"source\":"),
        "the server embeds the input for exact highlighting"
    );

    let r = notes(&s, "?format=csl-json", Some("text/html"), &text).await;
    assert_eq!(ctype(&r), "application/vnd.citationstyles.csl+json");
    let items: Vec<serde_json::Value> = r.json().await.unwrap();
    assert_eq!(items.len(), expected.works.len());
    assert!(items
        .iter()
        .all(|i| i["id"].is_string() && i["type"].is_string()));

    let r = notes(
        &s,
        "?format=chicago&style=chicago-shortened-notes",
        None,
        &text,
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("Taylor"));

    let r = notes(&s, "?format=json&pretty=1", None, "1 Ibid.\n").await;
    assert!(r.text().await.unwrap().contains("\n  \"notes\""));

    let r = notes(&s, "", Some("image/png"), &text).await;
    assert_eq!(r.status(), StatusCode::NOT_ACCEPTABLE);
    let r = notes(&s, "?format=docx", None, &text).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let r = notes(&s, "?style=nope&format=chicago", None, &text).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let r = notes(&s, "", None, "").await;
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "an empty input is an empty document"
    );
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_bad_bytes_and_multipart() {
    let (s, c) = start_with_client().await;
    let url = s.url("/v1/notes");
    let bad = vec![0xffu8, 0xfe, 0x00, 0x01, 0x9c, 0x80, 0x00];
    let r = c.post(&url).body(bad).fetch().await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(json_status(r).await, 400);

    let text = example("notes.txt");
    let part = reqwest::multipart::Part::bytes(text.clone().into_bytes()).file_name("notes.txt");
    let form = reqwest::multipart::Form::new().part("file", part);
    let r = c.post(&url).multipart(form).fetch().await;
    assert_eq!(r.status(), StatusCode::OK);
    let doc: ibid::Document = r.json().await.unwrap();
    assert_eq!(
        doc.notes.len(),
        ibid::Parser::new().parse_str(&text).notes.len()
    );

    let html = "<html><body><ol><li id=\"fn1\">Taylor, A. J. P., <i>The Origins of the Second World War</i> (London, 1961), p. 88.</li><li id=\"fn2\">Ibid., p. 91.</li></ol></body></html>";
    let r = post_typed(&c, &url, "text/html", html).await;
    assert_eq!(r.status(), StatusCode::OK);
    let doc: ibid::Document = r.json().await.unwrap();
    assert_eq!(doc.form, ibid::InputForm::Html);

    // a Word document uploaded as a file: its footnotes, numbered as in Word
    let docx = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/notes.docx"),
    )
    .unwrap();
    let part = reqwest::multipart::Part::bytes(docx).file_name("notes.docx");
    let form = reqwest::multipart::Form::new().part("file", part);
    let r = c.post(&url).multipart(form).fetch().await;
    assert_eq!(r.status(), StatusCode::OK);
    let doc: ibid::Document = r.json().await.unwrap();
    assert_eq!(doc.form, ibid::InputForm::Docx);
    let numbers: Vec<Option<u32>> = doc.notes.iter().map(|n| n.number).collect();
    let from_text: Vec<Option<u32>> = ibid::Parser::new()
        .parse_str(&text)
        .notes
        .iter()
        .map(|n| n.number)
        .collect();
    assert_eq!(numbers, from_text);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn references_endpoint() {
    let (s, c) = start_with_client().await;
    let refs = example("references.txt");
    let lines: Vec<&str> = refs.lines().filter(|l| !l.trim().is_empty()).collect();

    let url = s.url("/v1/references");
    let r = c.post(&url).json(&lines).fetch().await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(ctype(&r), "application/vnd.citationstyles.csl+json");
    let items: Vec<serde_json::Value> = r.json().await.unwrap();
    assert_eq!(items.len(), lines.len());
    for (i, item) in items.iter().enumerate() {
        assert_eq!(item["id"], format!("r{}", i + 1));
        assert!(item["type"].is_string());
    }
    let first = ibid::Parser::new().parse_reference(lines[0]);
    assert_eq!(items[0]["title"].as_str(), first.title.as_deref());

    let two = format!("{}\n\n{}\n", lines[0], lines[1]);
    let r = post_typed(&c, s.url("/v1/references?format=bibtex"), "text/plain", two).await;
    assert_eq!(r.status(), StatusCode::OK);
    let bib = r.text().await.unwrap();
    assert_eq!(bib.matches('@').count(), 2, "{bib}");

    let r = c
        .post(s.url("/v1/references"))
        .header("Accept", "application/json")
        .header("Content-Type", "text/plain")
        .body(lines[0].to_string())
        .fetch()
        .await;
    let items: Vec<serde_json::Value> = r.json().await.unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], "r1");

    let url_json = s.url("/v1/references?format=json");
    let r = c.post(url_json).json(&["", lines[0]]).fetch().await;
    let rows: Vec<serde_json::Value> = r.json().await.unwrap();
    assert_eq!(rows.len(), 2, "every array element is answered");
    assert_eq!(rows[1]["index"], 1);
    assert_eq!(rows[1]["raw"], lines[0]);

    let r = post_typed(&c, &url, "application/json", "{\"not\": \"an array\"}").await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    let url_html = s.url("/v1/references?format=html");
    let r = c.post(url_html).json(&lines).fetch().await;
    assert!(ctype(&r).starts_with("text/html"));
    assert!(r.text().await.unwrap().contains("id=\"ibid-data\""));
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn page_and_assets() {
    let (s, c) = start_with_client().await;
    let r = c.get(s.url("/")).fetch().await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(ctype(&r).starts_with("text/html"));
    assert!(r.headers().contains_key("content-security-policy"));
    let page = r.text().await.unwrap();
    assert!(page.contains("<textarea id=\"notes-input\""));
    assert!(page.contains("href=\"assets/viewer.css\""));
    assert!(page.contains("src=\"assets/viewer.js\""));
    let r = c.get(s.url("/assets/viewer.css")).fetch().await;
    assert!(ctype(&r).starts_with("text/css"));
    assert_eq!(r.text().await.unwrap(), ibid_emit::viewer::CSS);
    let r = c.get(s.url("/assets/viewer.js")).fetch().await;
    assert!(ctype(&r).starts_with("text/javascript"));
    assert_eq!(r.text().await.unwrap(), ibid_emit::viewer::JS);
    let r = c.head(s.url("/")).fetch().await;
    assert_eq!(r.status(), StatusCode::OK);
    s.stop().await;
}

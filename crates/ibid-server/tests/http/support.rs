//! Starting a server on a free loopback port, sending requests to it, and
//! reading XML.

use ibid_server::ServerConfig;
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub struct TestServer {
    pub base: String,
    pub addr: std::net::SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<Result<(), ibid_server::ServerError>>>,
}

impl TestServer {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Ask for a graceful shutdown and wait for `serve` to return.
    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            tokio::time::timeout(Duration::from_secs(60), h)
                .await
                .expect("server stops")
                .expect("server task")
                .expect("serve ok");
        }
    }

    /// Trigger the shutdown without waiting.
    pub fn begin_stop(&mut self) -> JoinHandle<Result<(), ibid_server::ServerError>> {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        self.handle.take().expect("running")
    }
}

pub async fn start(config: ServerConfig) -> TestServer {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (tx, rx) = oneshot::channel::<()>();
    let handle = tokio::spawn(ibid_server::serve(listener, config, async move {
        let _ = rx.await;
    }));
    TestServer {
        base: format!("http://{addr}"),
        addr,
        stop: Some(tx),
        handle: Some(handle),
    }
}

/// The defaults on a free port: a test changes what it needs with
/// `ServerConfig { max_body: 2000, ..config() }`.
pub fn config() -> ServerConfig {
    ServerConfig {
        port: 0,
        ..ServerConfig::default()
    }
}

pub async fn start_default() -> TestServer {
    start(config()).await
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(120))
        .build()
        .expect("client")
}

/// The default server, and a client for it.
pub async fn start_with_client() -> (TestServer, reqwest::Client) {
    let s = start_default().await;
    (s, client())
}

/// The content type of a form body written by hand.
pub const FORM: &str = "application/x-www-form-urlencoded";

/// `send()` a request that must reach the server and be answered.
pub trait Fetch {
    fn fetch(self) -> impl Future<Output = reqwest::Response> + Send;
}

impl Fetch for reqwest::RequestBuilder {
    async fn fetch(self) -> reqwest::Response {
        self.send().await.unwrap()
    }
}

/// POST `body` as `content_type`.
pub async fn post_typed(
    c: &reqwest::Client,
    url: impl reqwest::IntoUrl,
    content_type: &str,
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    let rb = c.post(url).header("Content-Type", content_type);
    rb.body(body).fetch().await
}

/// The answer's `Content-Type`.
pub fn ctype(r: &reqwest::Response) -> String {
    r.headers()["content-type"].to_str().unwrap().to_string()
}

/// The `status` field of a JSON answer (the error documents carry it).
pub async fn json_status(r: reqwest::Response) -> serde_json::Value {
    let v: serde_json::Value = r.json().await.unwrap();
    v["status"].clone()
}

/// Percent-encode for a form body.
pub fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn example(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A parsed XML element: name, attributes, children, text.
#[derive(Debug, Default, Clone)]
pub struct El {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<El>,
    pub text: String,
}

impl El {
    pub fn attr(&self, k: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(a, _)| a == k)
            .map(|(_, v)| v.as_str())
    }
    pub fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }
    pub fn all(&self, name: &str) -> Vec<&El> {
        let mut out = Vec::new();
        fn walk<'a>(e: &'a El, name: &str, out: &mut Vec<&'a El>) {
            for c in &e.children {
                if c.name == name {
                    out.push(c);
                }
                walk(c, name, out);
            }
        }
        walk(self, name, &mut out);
        out
    }
    pub fn deep_text(&self) -> String {
        let mut s = self.text.clone();
        for c in &self.children {
            s.push_str(&c.deep_text());
        }
        s
    }
}

/// Parse a well-formed XML document with one root (panics otherwise).
pub fn parse_xml(s: &str) -> El {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(s);
    let mut stack: Vec<El> = vec![El::default()];
    let el_of = |e: &quick_xml::events::BytesStart<'_>| El {
        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                (
                    String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                    a.unescape_value().expect("attribute value").into_owned(),
                )
            })
            .collect(),
        ..El::default()
    };
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("XML error: {e}\n{s}"))
        {
            Event::Start(e) => stack.push(el_of(&e)),
            Event::Empty(e) => {
                let el = el_of(&e);
                stack.last_mut().expect("parent").children.push(el);
            }
            Event::End(_) => {
                let done = stack.pop().expect("open element");
                stack.last_mut().expect("parent").children.push(done);
            }
            Event::Text(t) => {
                let t = t.unescape().expect("text");
                stack.last_mut().expect("parent").text.push_str(&t);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut doc = stack.pop().expect("document");
    assert_eq!(doc.children.len(), 1, "one root element:\n{s}");
    doc.children.remove(0)
}

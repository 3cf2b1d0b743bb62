//! `TestApp`: the real server binary, on random ports, with its own database and data dir.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use serde_json::{Value, json};

use crate::database::{Backend, TempDir, TestDatabase};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ lives in the repo").to_path_buf()
}

/// The server binary, built once per test run so it is never stale.
pub fn server_binary() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            if let Ok(path) = std::env::var("BEACON_SERVER_BIN") {
                return PathBuf::from(path);
            }
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
            let status = Command::new(cargo)
                .args(["build", "--quiet", "-p", "server", "--bin", "server"])
                .current_dir(repo_root())
                .status()
                .expect("run cargo build for the server binary");
            assert!(status.success(), "building the server binary failed");
            let target =
                std::env::var("CARGO_TARGET_DIR").map_or_else(|_| repo_root().join("target"), PathBuf::from);
            target.join("debug").join("server")
        })
        .clone()
}

pub struct TestAppBuilder {
    backend: Backend,
    env: HashMap<String, String>,
    database: Option<TestDatabase>,
    removed: Vec<String>,
}

impl TestAppBuilder {
    /// Leaves a variable unset that the harness would otherwise set.
    pub fn without_env(mut self, name: &str) -> Self {
        self.removed.push(name.to_owned());
        self
    }

    pub fn env(mut self, name: &str, value: impl Into<String>) -> Self {
        self.env.insert(name.to_owned(), value.into());
        self
    }

    /// Use an existing database instead of a fresh one.
    pub fn database(mut self, database: TestDatabase) -> Self {
        self.database = Some(database);
        self
    }

    pub async fn spawn(self) -> TestApp {
        let database = match self.database {
            Some(database) => database,
            None => TestDatabase::create(self.backend).await,
        };
        let data_dir = TempDir::new("data");
        let mut env = base_env(&data_dir.path);
        env.insert("DATABASE_URL".into(), database.url.clone());
        env.extend(self.env);
        for name in &self.removed {
            env.remove(name);
        }
        let mut process = ServerProcess::start(&data_dir.path, &env, &["serve"]);
        let (public, internal) = process.wait_for_listeners();
        TestApp {
            public,
            internal,
            client: reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap(),
            process,
            database,
            _data_dir: data_dir,
        }
    }
}

/// Variables every test server gets; the rest of the environment is cleared so nothing from
/// the developer's shell or a `.env` file leaks in.
pub fn base_env(data_dir: &Path) -> HashMap<String, String> {
    let mut env = HashMap::new();
    for name in ["PATH", "HOME", "TMPDIR"] {
        if let Ok(value) = std::env::var(name) {
            env.insert(name.to_owned(), value);
        }
    }
    env.insert("APP_ENV".into(), "development".into());
    env.insert("LISTEN_ADDR".into(), "127.0.0.1:0".into());
    env.insert("INTERNAL_ADDR".into(), "127.0.0.1:0".into());
    env.insert("DATA_DIR".into(), data_dir.display().to_string());
    env.insert("SPA_DIR".into(), repo_root().join("frontend/dist").display().to_string());
    env.insert("LOG_FORMAT".into(), "json".into());
    env.insert("RUST_LOG".into(), "info".into());
    env.insert("JWT_SECRET".into(), crate::fixtures::TEST_JWT_SECRET.into());
    env
}

pub struct TestApp {
    pub public: SocketAddr,
    pub internal: SocketAddr,
    pub client: reqwest::Client,
    pub process: ServerProcess,
    pub database: TestDatabase,
    _data_dir: TempDir,
}

impl TestApp {
    pub fn builder(backend: Backend) -> TestAppBuilder {
        TestAppBuilder { backend, env: HashMap::new(), database: None, removed: Vec::new() }
    }

    pub async fn spawn(backend: Backend) -> TestApp {
        Self::builder(backend).spawn().await
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.public, path)
    }

    pub fn internal_url(&self, path: &str) -> String {
        format!("http://{}{}", self.internal, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    /// POSTs one GraphQL operation and returns the HTTP status and JSON body.
    pub async fn graphql(&self, query: &str, variables: Value) -> (u16, Value) {
        let response = self
            .client
            .post(self.url("/graphql"))
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .expect("POST /graphql");
        let status = response.status().as_u16();
        (status, response.json().await.expect("a JSON body"))
    }

    pub fn data_dir(&self) -> &Path {
        &self._data_dir.path
    }

    /// POSTs one GraphQL operation with `Authorization: Bearer <token>`.
    pub async fn graphql_as(&self, token: &str, query: &str, variables: Value) -> (u16, Value) {
        let response = self
            .client
            .post(self.url("/graphql"))
            .bearer_auth(token)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .expect("POST /graphql");
        let status = response.status().as_u16();
        (status, response.json().await.expect("a JSON body"))
    }

    /// The internal listener's Prometheus text.
    pub async fn metrics(&self) -> String {
        self.client.get(self.internal_url("/metrics")).send().await.unwrap().text().await.unwrap()
    }

    /// Log lines the server printed so far, parsed (the server logs JSON in tests).
    pub fn log_lines(&self) -> Vec<Value> {
        self.process.stderr_lines().iter().filter_map(|line| serde_json::from_str(line).ok()).collect()
    }
}

/// A running server process whose output is drained continuously (a full pipe would block it).
pub struct ServerProcess {
    child: Child,
    stdout_rx: mpsc::Receiver<String>,
    stderr: Arc<Mutex<Vec<String>>>,
}

impl ServerProcess {
    pub fn start(cwd: &Path, env: &HashMap<String, String>, args: &[&str]) -> Self {
        let mut child = Command::new(server_binary())
            .args(args)
            .current_dir(cwd)
            .env_clear()
            .envs(env)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the server binary");
        let echo = std::env::var_os("TEST_LOG").is_some();
        let (stdout_tx, stdout_rx) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if echo {
                    eprintln!("[server stdout] {line}");
                }
                let _ = stdout_tx.send(line);
            }
        });
        let stderr_lines: Arc<Mutex<Vec<String>>> = Arc::default();
        let stderr = child.stderr.take().unwrap();
        let sink = stderr_lines.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if echo {
                    eprintln!("[server] {line}");
                }
                sink.lock().unwrap().push(line);
            }
        });
        Self { child, stdout_rx, stderr: stderr_lines }
    }

    /// Waits for the two "listener on" lines and returns (public, internal).
    pub fn wait_for_listeners(&mut self) -> (SocketAddr, SocketAddr) {
        let mut public = None;
        let mut internal = None;
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        while public.is_none() || internal.is_none() {
            let remaining = deadline.saturating_duration_since(std::time::Instant::now());
            match self.stdout_rx.recv_timeout(remaining) {
                Ok(line) => {
                    let addr = |prefix: &str| {
                        line.strip_prefix(prefix)
                            .and_then(|rest| rest.split_whitespace().next())
                            .and_then(|addr| addr.parse::<SocketAddr>().ok())
                    };
                    if let Some(addr) = addr("beacon: public listener on http://") {
                        public = Some(addr);
                    }
                    if let Some(addr) = addr("beacon: internal listener on http://") {
                        internal = Some(addr);
                    }
                }
                Err(_) => {
                    let _ = self.child.kill();
                    panic!("the server did not start; its log:\n{}", self.stderr_lines().join("\n"));
                }
            }
        }
        (public.unwrap(), internal.unwrap())
    }

    pub fn stdout_lines(&self) -> Vec<String> {
        self.stdout_rx.try_iter().collect()
    }

    pub fn stderr_lines(&self) -> Vec<String> {
        self.stderr.lock().unwrap().clone()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends SIGTERM (graceful shutdown).
    pub fn terminate(&self) {
        let status = Command::new("kill").args(["-TERM", &self.pid().to_string()]).status().expect("kill");
        assert!(status.success());
    }

    /// The exit status, if the process has exited within `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<std::process::ExitStatus> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return Some(status);
            }
            if std::time::Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

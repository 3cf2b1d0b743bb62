//! `SmtpSink`: a real SMTP server process (`tests/smtp_sink.py`, built on aiosmtpd) that the
//! black-box tests point Beacon's email outbox at.
//!
//! The sink appends one JSON line per accepted message to its out file (`mail_from`, `rcpt_tos`,
//! `subject`, `message_id`, `text`, `html`, `headers`, `auth_user`, `raw`); with a fail code it
//! answers every DATA with that code and appends `{"rejected": true, ...}` instead. It can also
//! answer slowly (`delay_secs`) and require AUTH PLAIN/LOGIN without TLS (`auth`).
//!
//! Needs `python3` on PATH (or `SMTP_SINK_PYTHON`) with aiosmtpd installed:
//! `python3 -m pip install aiosmtpd==1.4.6`.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The aiosmtpd version the sink is tested with.
pub const AIOSMTPD_VERSION: &str = "1.4.6";

const LISTEN_TIMEOUT: Duration = Duration::from_secs(20);
const STOP_TIMEOUT: Duration = Duration::from_secs(5);
const POLL_INTERVAL: Duration = Duration::from_millis(50);
/// Exit codes of `smtp_sink.py`.
const EXIT_AIOSMTPD_MISSING: i32 = 3;
const EXIT_PORT_IN_USE: i32 = 4;

fn install_hint() -> String {
    format!("the SMTP sink needs aiosmtpd: python3 -m pip install aiosmtpd=={AIOSMTPD_VERSION}")
}

#[derive(Debug, Clone, Default)]
pub struct SmtpSinkOptions {
    /// Seconds to wait in the DATA handler before answering (a slow server).
    pub delay_secs: Option<f64>,
    /// Answer every DATA with this code (e.g. 550 or 451) and record only `{"rejected": true}`.
    pub fail_code: Option<u16>,
    /// Require AUTH PLAIN/LOGIN with these credentials; MAIL FROM without it gets 530.
    pub auth: Option<(String, String)>,
}

/// A running `smtp_sink.py` process. Killed (and its temp dir removed) on drop.
pub struct SmtpSink {
    child: Option<Child>,
    /// Held open so the sink exits (`--watch-stdin`) if this test process dies without dropping it.
    _stdin: Option<ChildStdin>,
    port: u16,
    out: PathBuf,
    /// Our own temp dir holding `out`; `None` when the caller passed the out file in.
    temp_dir: Option<PathBuf>,
    auth: Option<(String, String)>,
    log: Arc<Mutex<Vec<String>>>,
}

enum LaunchError {
    PortInUse(String),
}

impl SmtpSink {
    /// Starts a sink on a free port with a fresh out file in its own temp dir.
    pub fn start(options: SmtpSinkOptions) -> SmtpSink {
        let temp_dir = new_temp_dir();
        let out = temp_dir.join("messages.jsonl");
        let mut last_error = String::new();
        // The free port can be taken between probing and binding; try a few.
        for _ in 0..5 {
            match Self::launch(Self::free_port(), &options, out.clone(), Some(temp_dir.clone())) {
                Ok(sink) => return sink,
                Err(LaunchError::PortInUse(log)) => last_error = log,
            }
        }
        let _ = std::fs::remove_dir_all(&temp_dir);
        panic!("the SMTP sink found no free port; its log:\n{last_error}");
    }

    /// Starts a sink on a given port, e.g. one a test reserved with [`SmtpSink::free_port`] and
    /// configured Beacon with before the server "comes up later". When `out` is given the sink
    /// appends to that file (so several sinks in a row can share it) and nothing is deleted on drop.
    pub fn start_on_port(port: u16, options: SmtpSinkOptions, out: Option<PathBuf>) -> SmtpSink {
        let (out, temp_dir) = match out {
            Some(out) => {
                if let Some(parent) = out.parent().filter(|parent| !parent.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent)
                        .unwrap_or_else(|err| panic!("create {} for the SMTP sink: {err}", parent.display()));
                }
                (out, None)
            }
            None => {
                let dir = new_temp_dir();
                (dir.join("messages.jsonl"), Some(dir))
            }
        };
        match Self::launch(port, &options, out, temp_dir.clone()) {
            Ok(sink) => sink,
            Err(LaunchError::PortInUse(log)) => {
                if let Some(dir) = temp_dir {
                    let _ = std::fs::remove_dir_all(dir);
                }
                panic!("the SMTP sink cannot listen on 127.0.0.1:{port} (address in use); its log:\n{log}");
            }
        }
    }

    /// A port that was free a moment ago on 127.0.0.1.
    pub fn free_port() -> u16 {
        TcpListener::bind(("127.0.0.1", 0))
            .and_then(|listener| listener.local_addr())
            .expect("bind 127.0.0.1:0 to find a free port")
            .port()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `smtp://127.0.0.1:PORT`, or `smtp://USER:PASS@127.0.0.1:PORT` (percent-encoded) with auth.
    pub fn url(&self) -> String {
        match &self.auth {
            Some((user, pass)) => {
                format!("smtp://{}:{}@127.0.0.1:{}", percent_encode(user), percent_encode(pass), self.port)
            }
            None => format!("smtp://127.0.0.1:{}", self.port),
        }
    }

    pub fn out_path(&self) -> PathBuf {
        self.out.clone()
    }

    /// The accepted messages so far, in arrival order (not the `rejected` attempts).
    pub fn messages(&self) -> Vec<Value> {
        self.records().into_iter().filter(|record| !is_rejected(record)).collect()
    }

    /// How many DATA commands were answered with the fail code so far.
    pub fn rejected_attempts(&self) -> usize {
        self.records().iter().filter(|record| is_rejected(record)).count()
    }

    /// Polls until at least `n` messages were accepted and returns all of them; panics on timeout
    /// showing what did arrive.
    pub async fn wait_for_messages(&self, n: usize, timeout: Duration) -> Vec<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            let messages = self.messages();
            if messages.len() >= n {
                return messages;
            }
            if Instant::now() >= deadline {
                panic!(
                    "expected {n} message(s) at the SMTP sink on port {} within {timeout:?}, got {}:\n{}\n\
                     rejected attempts: {}\nsink log:\n{}",
                    self.port,
                    messages.len(),
                    summarize(&messages),
                    self.rejected_attempts(),
                    self.log_tail(),
                );
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }

    /// Polls until at least `n` attempts were rejected (with a fail code) and returns the count;
    /// panics on timeout.
    pub async fn wait_for_rejected_attempts(&self, n: usize, timeout: Duration) -> usize {
        let deadline = Instant::now() + timeout;
        loop {
            let rejected = self.rejected_attempts();
            if rejected >= n {
                return rejected;
            }
            if Instant::now() >= deadline {
                panic!(
                    "expected {n} rejected attempt(s) at the SMTP sink on port {} within {timeout:?}, got {rejected}; \
                     accepted messages:\n{}\nsink log:\n{}",
                    self.port,
                    summarize(&self.messages()),
                    self.log_tail(),
                );
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }

    /// Stops the sink gracefully (SIGTERM, then kill after 5 s) and waits for it.
    pub fn stop(mut self) {
        self.shutdown(true);
    }

    fn launch(
        port: u16,
        options: &SmtpSinkOptions,
        out: PathBuf,
        temp_dir: Option<PathBuf>,
    ) -> Result<SmtpSink, LaunchError> {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("smtp_sink.py");
        let python = std::env::var("SMTP_SINK_PYTHON").unwrap_or_else(|_| "python3".to_owned());
        let mut command = Command::new(&python);
        command
            .arg(&script)
            .arg("--port")
            .arg(port.to_string())
            .arg("--out")
            .arg(&out)
            .arg("--watch-stdin")
            .env("PYTHONUNBUFFERED", "1")
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(delay) = options.delay_secs {
            command.arg("--delay").arg(delay.to_string());
        }
        if let Some(code) = options.fail_code {
            command.arg("--fail-code").arg(code.to_string());
        }
        if let Some((user, pass)) = &options.auth {
            command.arg("--auth").arg(format!("{user}:{pass}"));
        }
        let spawned = command.spawn();
        if spawned.is_err()
            && let Some(dir) = &temp_dir
        {
            let _ = std::fs::remove_dir_all(dir);
        }
        let mut child = match spawned {
            Ok(child) => child,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                panic!("{} ({python} was not found on PATH)", install_hint())
            }
            Err(err) => panic!("cannot start the SMTP sink with {python}: {err}"),
        };

        let echo = std::env::var_os("TEST_LOG").is_some();
        let log: Arc<Mutex<Vec<String>>> = Arc::default();
        let (stdout_tx, stdout_rx) = mpsc::channel::<String>();
        let stdout = child.stdout.take().expect("piped stdout");
        let stdout_log = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if echo {
                    eprintln!("[smtp] {line}");
                }
                stdout_log.lock().unwrap().push(line.clone());
                let _ = stdout_tx.send(line); // keeps draining after the receiver is gone
            }
        });
        let stderr = child.stderr.take().expect("piped stderr");
        let stderr_log = log.clone();
        let stderr_thread = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if echo {
                    eprintln!("[smtp] {line}");
                }
                stderr_log.lock().unwrap().push(line);
            }
        });

        let mut sink = SmtpSink {
            _stdin: child.stdin.take(),
            child: Some(child),
            port,
            out,
            temp_dir,
            auth: options.auth.clone(),
            log,
        };
        let ready = format!("smtp-sink listening on 127.0.0.1:{port}");
        let deadline = Instant::now() + LISTEN_TIMEOUT;
        loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            match stdout_rx.recv_timeout(remaining) {
                Ok(line) if line.trim_end() == ready => return Ok(sink),
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => {
                    sink.shutdown(false);
                    panic!(
                        "the SMTP sink did not report \"{ready}\" within {LISTEN_TIMEOUT:?}; its log:\n{}",
                        sink.log_tail()
                    );
                }
                Err(RecvTimeoutError::Disconnected) => {
                    // stdout closed: the sink exited before listening.
                    let status = sink.child.take().and_then(|mut child| child.wait().ok());
                    let _ = stderr_thread.join();
                    let log = sink.log_tail();
                    match status.and_then(|status| status.code()) {
                        Some(EXIT_PORT_IN_USE) => {
                            // The caller may retry with the same out file; it cleans the temp dir up.
                            sink.temp_dir = None;
                            return Err(LaunchError::PortInUse(log));
                        }
                        Some(EXIT_AIOSMTPD_MISSING) => panic!("{}\n{log}", install_hint()),
                        _ => {
                            let hint = if log.contains("No module named") {
                                format!("\n{}", install_hint())
                            } else {
                                String::new()
                            };
                            panic!(
                                "the SMTP sink exited before listening ({status:?}); its log:\n{log}{hint}"
                            )
                        }
                    }
                }
            }
        }
    }

    fn records(&self) -> Vec<Value> {
        let text = match std::fs::read_to_string(&self.out) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
            Err(err) => panic!("read the SMTP sink's out file {}: {err}", self.out.display()),
        };
        // A line being written right now may be incomplete; it is skipped until it is whole.
        text.lines()
            .filter(|line| !line.trim().is_empty())
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect()
    }

    fn log_tail(&self) -> String {
        let log = self.log.lock().unwrap();
        let start = log.len().saturating_sub(50);
        log[start..].join("\n")
    }

    fn shutdown(&mut self, graceful: bool) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        if graceful && matches!(child.try_wait(), Ok(None)) {
            let sent = Command::new("kill")
                .args(["-TERM", &child.id().to_string()])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|status| status.success());
            if sent {
                let deadline = Instant::now() + STOP_TIMEOUT;
                while Instant::now() < deadline {
                    if !matches!(child.try_wait(), Ok(None)) {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.shutdown(false);
        if let Some(dir) = self.temp_dir.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn new_temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("beacon-smtp-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|err| panic!("create {}: {err}", dir.display()));
    dir
}

fn is_rejected(record: &Value) -> bool {
    record.get("rejected").and_then(Value::as_bool) == Some(true)
}

/// The messages without their bulky `raw` field, for panic messages.
fn summarize(messages: &[Value]) -> String {
    if messages.is_empty() {
        return "  (none)".to_owned();
    }
    messages
        .iter()
        .map(|message| {
            let mut message = message.clone();
            if let Some(object) = message.as_object_mut() {
                object.remove("raw");
                object.remove("headers");
            }
            format!("  {message}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Percent-encodes everything but RFC 3986 unreserved characters (for URL userinfo).
fn percent_encode(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

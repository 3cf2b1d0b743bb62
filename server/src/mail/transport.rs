//! How a message leaves: SMTP through lettre (one `SMTP_URL`: `smtp://` plain,
//! `smtp://...?tls=required` STARTTLS, `smtps://` implicit TLS, `user:pass@` for AUTH), or, in
//! development without `SMTP_URL`, an `.eml` file under `DATA_DIR/mail`.

use std::path::PathBuf;

use anyhow::Context;
use entity::email_outbox;
use lettre::message::{Mailbox, MultiPart, header};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::config::Settings;

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

/// A failed send, with whether trying again could help (SMTP 5xx is permanent).
#[derive(Debug)]
pub struct SendError {
    pub message: String,
    pub permanent: bool,
}

impl Transport {
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        match &settings.mail.smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
                    .context("SMTP_URL is not a usable SMTP URL")?
                    .timeout(Some(settings.mail.send_timeout))
                    .build();
                Ok(Transport::Smtp(transport))
            }
            None => Ok(Transport::Files(settings.data_dir.join("mail"))),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Transport::Smtp(_) => "smtp".to_owned(),
            Transport::Files(dir) => format!("files in {}", dir.display()),
        }
    }

    /// Sends one outbox row. The `Message-ID` is derived from the row id, so a retried message
    /// can be recognised by the receiving side.
    pub async fn send(
        &self,
        email: &email_outbox::Model,
        from: &Mailbox,
        message_domain: &str,
    ) -> Result<(), SendError> {
        let message = build_message(email, from, message_domain).map_err(|err| SendError {
            message: format!("cannot build the message: {err:#}"),
            permanent: true,
        })?;
        match self {
            Transport::Smtp(transport) => transport
                .send(message)
                .await
                .map(drop)
                .map_err(|err| SendError { permanent: err.is_permanent(), message: smtp_error_text(&err) }),
            Transport::Files(dir) => {
                let path = dir.join(format!("{}-{}.eml", email.created_at.format("%Y%m%dT%H%M%S"), email.id));
                let write = async {
                    tokio::fs::create_dir_all(dir).await?;
                    tokio::fs::write(&path, message.formatted()).await
                };
                write.await.map_err(|err| SendError {
                    message: format!("cannot write {}: {err}", path.display()),
                    permanent: false,
                })?;
                tracing::info!(path = %path.display(), kind = %email.kind, "email written to a file (no SMTP_URL set)");
                Ok(())
            }
        }
    }
}

fn build_message(
    email: &email_outbox::Model,
    from: &Mailbox,
    message_domain: &str,
) -> anyhow::Result<Message> {
    let to: Mailbox = email.recipient.parse().context("the recipient is not a valid address")?;
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(email.subject.clone())
        .message_id(Some(format!("<{}@{}>", email.id, message_domain)))
        .header(header::Date::new(email.created_at.into()));
    if let Some(url) = &email.list_unsubscribe {
        // RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` to it.
        let name = |name| header::HeaderName::new_from_ascii_str(name);
        builder = builder
            .raw_header(header::HeaderValue::new(name("List-Unsubscribe"), format!("<{url}>")))
            .raw_header(header::HeaderValue::new(
                name("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".into(),
            ));
    }
    Ok(builder
        .multipart(MultiPart::alternative_plain_html(email.body_text.clone(), email.body_html.clone()))?)
}

/// The error with its cause chain (lettre keeps the server's reply in the source).
fn smtp_error_text(err: &lettre::transport::smtp::Error) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

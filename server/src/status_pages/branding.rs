//! A page's logo and favicon. An upload is trusted for nothing: its declared type must be PNG,
//! JPEG or WebP (never SVG, which can carry script), its first bytes must say the same, it must
//! decode within a pixel limit, and what is stored is our own re-encoding (no metadata, no
//! trailing payload), named by the SHA-256 of those bytes under `<DATA_DIR>/uploads/`. Served
//! with its content type, `nosniff` and a year of caching (the name changes with the content).

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use entity::memberships::Role;
use entity::{status_pages, uploads};
use image::{ImageFormat, ImageReader, Limits};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit::{self, AuditContext, actions};
use crate::auth::TenantScope;
use crate::kernel::ApiError;

/// The largest upload, and the largest stored image, in bytes (a CHECK constraint too).
pub const MAX_BYTES: usize = 512 * 1024;
/// The largest side of a logo, in pixels (a CHECK constraint too).
pub const MAX_SIDE: u32 = 4096;
/// The largest side of a favicon.
pub const MAX_FAVICON_SIDE: u32 = 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Logo,
    Favicon,
}

impl Slot {
    fn name(self) -> &'static str {
        match self {
            Slot::Logo => "logo",
            Slot::Favicon => "favicon",
        }
    }
}

/// Where uploads are stored: `<DATA_DIR>/uploads`.
#[derive(Debug, Clone)]
pub struct UploadDir(pub PathBuf);

impl UploadDir {
    pub fn under(data_dir: &Path) -> Self {
        Self(data_dir.join("uploads"))
    }

    /// The stored file called `name` if `name` is one of ours (`<64 hex>.png|jpg|webp`), with
    /// its content type; anything else is `None` (so no path ever leaves the directory).
    pub fn file(&self, name: &str) -> Option<(PathBuf, &'static str)> {
        let (hash, extension) = name.split_once('.')?;
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            return None;
        }
        let content_type = match extension {
            "png" => "image/png",
            "jpg" => "image/jpeg",
            "webp" => "image/webp",
            _ => return None,
        };
        Some((self.0.join(name), content_type))
    }
}

/// An image that passed every check, re-encoded.
#[derive(Debug, Clone)]
pub struct Processed {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    pub width: u32,
    pub height: u32,
}

fn declared_format(content_type: &str) -> Result<(ImageFormat, &'static str), String> {
    match content_type.trim().to_ascii_lowercase().as_str() {
        "image/png" => Ok((ImageFormat::Png, "image/png")),
        "image/jpeg" | "image/jpg" => Ok((ImageFormat::Jpeg, "image/jpeg")),
        "image/webp" => Ok((ImageFormat::WebP, "image/webp")),
        other => Err(format!(
            "must be a PNG, JPEG or WebP image, not {}",
            if other.is_empty() { "an untyped file" } else { other }
        )),
    }
}

/// The format the first bytes announce.
fn sniffed(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageFormat::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageFormat::Jpeg)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(ImageFormat::WebP)
    } else {
        None
    }
}

/// Checks and re-encodes an upload; the message says what is wrong (for the `file` field).
pub fn process(declared: &str, bytes: &[u8], slot: Slot) -> Result<Processed, String> {
    if bytes.is_empty() {
        return Err("is empty".into());
    }
    if bytes.len() > MAX_BYTES {
        return Err(format!("must be at most {} KiB", MAX_BYTES / 1024));
    }
    let (format, content_type) = declared_format(declared)?;
    if sniffed(bytes) != Some(format) {
        return Err(format!("is not a {} image: its content does not match its type", content_type));
    }
    let side = match slot {
        Slot::Logo => MAX_SIDE,
        Slot::Favicon => MAX_FAVICON_SIDE,
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(side);
    limits.max_image_height = Some(side);
    limits.max_alloc = Some(128 * 1024 * 1024);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let image = reader.decode().map_err(|err| match err {
        image::ImageError::Limits(_) => format!("must be at most {side}×{side} pixels"),
        _ => "could not be read as an image".to_owned(),
    })?;
    let (width, height) = (image.width(), image.height());
    let mut out = Cursor::new(Vec::new());
    let written = match format {
        ImageFormat::Jpeg => {
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88);
            image.to_rgb8().write_with_encoder(encoder)
        }
        ImageFormat::WebP => {
            let encoder = image::codecs::webp::WebPEncoder::new_lossless(&mut out);
            image.to_rgba8().write_with_encoder(encoder)
        }
        _ => image.write_to(&mut out, ImageFormat::Png),
    };
    written.map_err(|_| "could not be re-encoded".to_owned())?;
    let bytes = out.into_inner();
    if bytes.len() > MAX_BYTES {
        return Err(format!("is larger than {} KiB once re-encoded; use a smaller image", MAX_BYTES / 1024));
    }
    Ok(Processed { bytes, content_type, width, height })
}

/// Writes the file (once: the name is its hash) and returns the hash.
async fn store(dir: &UploadDir, image: &Processed) -> Result<String, ApiError> {
    let hash = hex::encode(Sha256::digest(&image.bytes));
    let path = dir.0.join(uploads::file_name(&hash, image.content_type));
    if tokio::fs::try_exists(&path).await.unwrap_or(false) {
        // Fresh again: the orphan sweep leaves young files alone while their row commits.
        let touched = std::fs::File::options()
            .append(true)
            .open(&path)
            .and_then(|file| file.set_modified(SystemTime::now()));
        if let Err(err) = touched {
            tracing::warn!(error = %err, "could not refresh an upload's modification time");
        }
        return Ok(hash);
    }
    let failed = |err: std::io::Error| ApiError::internal(format!("the upload could not be stored: {err}"));
    tokio::fs::create_dir_all(&dir.0).await.map_err(failed)?;
    // Written aside and renamed, so a reader never sees half a file.
    let partial = dir.0.join(format!(".{}.partial", Uuid::now_v7()));
    tokio::fs::write(&partial, &image.bytes).await.map_err(failed)?;
    tokio::fs::rename(&partial, &path).await.map_err(failed)?;
    Ok(hash)
}

/// Sets the page's logo or favicon. Members and above.
#[allow(clippy::too_many_arguments)]
pub async fn set(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    dir: &UploadDir,
    now: DateTime<Utc>,
    page_id: Uuid,
    slot: Slot,
    image: Processed,
) -> Result<status_pages::Model, ApiError> {
    scope.require(Role::Member)?;
    scope.get::<status_pages::Entity>(db, page_id).await?;
    let hash = store(dir, &image).await?;
    let txn = crate::db::begin_write(db).await?;
    let page = scope.get::<status_pages::Entity>(&txn, page_id).await?;
    let upload = uploads::ActiveModel {
        id: Set(Uuid::now_v7()),
        tenant_id: Set(scope.tenant_id()),
        sha256: Set(hash),
        content_type: Set(image.content_type.to_owned()),
        size_bytes: Set(image.bytes.len() as i32),
        width: Set(image.width as i32),
        height: Set(image.height as i32),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let previous = match slot {
        Slot::Logo => page.logo_upload_id,
        Slot::Favicon => page.favicon_upload_id,
    };
    let mut active: status_pages::ActiveModel = page.into();
    match slot {
        Slot::Logo => active.logo_upload_id = Set(Some(upload.id)),
        Slot::Favicon => active.favicon_upload_id = Set(Some(upload.id)),
    }
    active.updated_at = Set(now);
    let page = active.update(&txn).await?;
    if let Some(previous) = previous {
        uploads::Entity::delete_by_id(previous).exec(&txn).await?;
    }
    let changes = serde_json::json!({ slot.name(): upload.file_name(), "bytes": upload.size_bytes });
    audit::record_in(&txn, audit, scope, actions::STATUS_PAGE_UPDATED, ("status_page", page_id), changes)
        .await?;
    txn.commit().await?;
    Ok(page)
}

/// Removes the page's logo or favicon. Members and above.
pub async fn remove(
    db: &DatabaseConnection,
    audit: &AuditContext,
    scope: &TenantScope,
    now: DateTime<Utc>,
    page_id: Uuid,
    slot: Slot,
) -> Result<status_pages::Model, ApiError> {
    scope.require(Role::Member)?;
    let txn = crate::db::begin_write(db).await?;
    let page = scope.get::<status_pages::Entity>(&txn, page_id).await?;
    let previous = match slot {
        Slot::Logo => page.logo_upload_id,
        Slot::Favicon => page.favicon_upload_id,
    };
    let mut active: status_pages::ActiveModel = page.into();
    match slot {
        Slot::Logo => active.logo_upload_id = Set(None),
        Slot::Favicon => active.favicon_upload_id = Set(None),
    }
    active.updated_at = Set(now);
    let page = active.update(&txn).await?;
    if let Some(previous) = previous {
        uploads::Entity::delete_by_id(previous).exec(&txn).await?;
    }
    let changes = serde_json::json!({ slot.name(): null });
    audit::record_in(&txn, audit, scope, actions::STATUS_PAGE_UPDATED, ("status_page", page_id), changes)
        .await?;
    txn.commit().await?;
    Ok(page)
}

/// Deletes stored files that no upload row names any more (a replaced or removed image, a
/// deleted page or organization) and abandoned partial writes, once older than `min_age` — so
/// a file stored for a row that is not committed yet stays. Returns how many were deleted.
pub async fn sweep_orphans(
    db: &DatabaseConnection,
    dir: &UploadDir,
    min_age: Duration,
) -> Result<usize, anyhow::Error> {
    let mut entries = match tokio::fs::read_dir(&dir.0).await {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(err) => return Err(err.into()),
    };
    let mut deleted = 0;
    while let Some(entry) = entries.next_entry().await? {
        let name = entry.file_name().to_string_lossy().into_owned();
        let modified = entry.metadata().await?.modified()?;
        if SystemTime::now().duration_since(modified).unwrap_or_default() < min_age {
            continue;
        }
        let orphan = if name.starts_with('.') && name.ends_with(".partial") {
            true
        } else if dir.file(&name).is_some() {
            let hash = name.split_once('.').map_or("", |(hash, _)| hash);
            uploads::Entity::find().filter(uploads::Column::Sha256.eq(hash)).count(db).await? == 0
        } else {
            false
        };
        if orphan {
            tokio::fs::remove_file(entry.path()).await?;
            deleted += 1;
        }
    }
    Ok(deleted)
}

/// The URL paths of a page's logo and favicon (relative: they work on the tenant's host and on
/// its custom domains alike).
pub async fn paths(
    db: &impl ConnectionTrait,
    page: &status_pages::Model,
) -> Result<(Option<String>, Option<String>), sea_orm::DbErr> {
    let ids: Vec<Uuid> = [page.logo_upload_id, page.favicon_upload_id].into_iter().flatten().collect();
    if ids.is_empty() {
        return Ok((None, None));
    }
    let rows = uploads::Entity::find()
        .filter(uploads::Column::TenantId.eq(page.tenant_id))
        .filter(uploads::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let path = |id: Option<Uuid>| {
        id.and_then(|id| rows.iter().find(|row| row.id == id))
            .map(|row| format!("/uploads/{}", row.file_name()))
    };
    Ok((path(page.logo_upload_id), path(page.favicon_upload_id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbaImage::from_pixel(width, height, image::Rgba([10, 20, 30, 255]));
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn only_raster_images_whose_bytes_match_their_type_pass() {
        let logo = png(40, 20);
        let processed = process("image/png", &logo, Slot::Logo).unwrap();
        assert_eq!((processed.width, processed.height, processed.content_type), (40, 20, "image/png"));
        assert!(
            process("image/svg+xml", b"<svg onload=alert(1)>", Slot::Logo)
                .unwrap_err()
                .contains("PNG, JPEG or WebP")
        );
        assert!(process("image/jpeg", &logo, Slot::Logo).unwrap_err().contains("does not match"));
        let mut truncated = logo.clone();
        truncated.truncate(30);
        assert_eq!(
            process("image/png", &truncated, Slot::Logo).unwrap_err(),
            "could not be read as an image"
        );
        assert!(process("image/png", &png(1100, 1), Slot::Favicon).unwrap_err().contains("1024×1024"));
        assert!(process("image/png", &vec![0; MAX_BYTES + 1], Slot::Logo).unwrap_err().contains("512 KiB"));
    }

    #[test]
    fn what_is_stored_is_a_re_encoding_without_trailing_bytes() {
        let mut logo = png(8, 8);
        logo.extend_from_slice(b"<script>alert(1)</script>");
        let processed = process("image/png", &logo, Slot::Logo).unwrap();
        assert!(!processed.bytes.windows(8).any(|window| window == b"<script>"));
    }

    #[test]
    fn only_our_own_file_names_are_served() {
        let dir = UploadDir(PathBuf::from("/data/uploads"));
        let hash = "a".repeat(64);
        assert_eq!(dir.file(&format!("{hash}.png")).map(|(_, t)| t), Some("image/png"));
        for bad in [
            "../secret.png",
            &format!("{hash}.svg"),
            &format!("{}.png", "A".repeat(64)),
            "x.png",
            &format!("{hash}.png/.."),
        ] {
            assert!(dir.file(bad).is_none(), "{bad}");
        }
    }
}

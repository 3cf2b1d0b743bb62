//! One way to page every list: `first` (1 to 100) items after an opaque cursor, newest first
//! by `(created_at, id)`. The cursor is a keyset position, not an offset, so a page costs the
//! same at the end of a long list as at its start, and rows inserted meanwhile are not skipped.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::ApiError;

pub const MAX_PAGE_SIZE: i32 = 100;
pub const DEFAULT_PAGE_SIZE: i32 = 50;

/// A validated page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub first: u64,
    pub after: Option<Cursor>,
}

impl PageRequest {
    /// `first` defaults to [`DEFAULT_PAGE_SIZE`]; out of 1..=100, or a cursor that is not one of
    /// ours, is `BAD_USER_INPUT` naming the argument.
    pub fn parse(first: Option<i32>, after: Option<&str>) -> Result<Self, ApiError> {
        let first = first.unwrap_or(DEFAULT_PAGE_SIZE);
        if !(1..=MAX_PAGE_SIZE).contains(&first) {
            return Err(ApiError::field("first", format!("must be between 1 and {MAX_PAGE_SIZE}")));
        }
        let after = after
            .map(|raw| Cursor::decode(raw).ok_or_else(|| ApiError::field("after", "is not a cursor")))
            .transpose()?;
        Ok(Self { first: first as u64, after })
    }

    /// How many rows to fetch: one more than the page, to learn whether another page follows.
    pub fn fetch_limit(&self) -> u64 {
        self.first + 1
    }
}

/// A position in a list ordered by `(created_at DESC, id DESC)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub at: DateTime<Utc>,
    pub id: Uuid,
}

impl Cursor {
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!("{}|{}", self.at.to_rfc3339(), self.id))
    }

    pub fn decode(raw: &str) -> Option<Self> {
        let bytes = URL_SAFE_NO_PAD.decode(raw.trim()).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let (at, id) = text.split_once('|')?;
        Some(Self {
            at: DateTime::parse_from_rfc3339(at).ok()?.with_timezone(&Utc),
            id: Uuid::parse_str(id).ok()?,
        })
    }
}

/// A position in a list ordered by a sort key, then id: the key is the row's own value (a
/// name, a rank), compared in SQL exactly as the list is ordered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyCursor {
    pub key: String,
    pub id: Uuid,
}

impl KeyCursor {
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!("k|{}|{}", self.id, self.key))
    }

    pub fn decode(raw: &str) -> Option<Self> {
        let bytes = URL_SAFE_NO_PAD.decode(raw.trim()).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let (id, key) = text.strip_prefix("k|")?.split_once('|')?;
        Some(Self { key: key.to_owned(), id: Uuid::parse_str(id).ok()? })
    }
}

/// `first` and `after` for a list in a sort order other than newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyedPageRequest {
    pub first: u64,
    pub after: Option<KeyCursor>,
}

impl KeyedPageRequest {
    pub fn parse(first: Option<i32>, after: Option<&str>) -> Result<Self, ApiError> {
        let PageRequest { first, .. } = PageRequest::parse(first, None)?;
        let after = after
            .map(|raw| KeyCursor::decode(raw).ok_or_else(|| ApiError::field("after", "is not a cursor")))
            .transpose()?;
        Ok(Self { first, after })
    }

    /// The same page size as a [`PageRequest`] (for `Page::from_overfetch`).
    pub fn size(&self) -> PageRequest {
        PageRequest { first: self.first, after: None }
    }
}

/// One page of results.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub has_next_page: bool,
}

impl<T> Page<T> {
    /// From rows fetched with [`PageRequest::fetch_limit`].
    pub fn from_overfetch(mut rows: Vec<T>, request: &PageRequest) -> Self {
        let has_next_page = rows.len() as u64 > request.first;
        rows.truncate(request.first as usize);
        Self { items: rows, has_next_page }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page { items: self.items.into_iter().map(f).collect(), has_next_page: self.has_next_page }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_junk_is_refused() {
        let cursor = Cursor { at: Utc::now(), id: Uuid::now_v7() };
        assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
        for junk in ["", "abc", "2026-01-01T00:00:00Z|x", "!!"] {
            assert_eq!(Cursor::decode(junk), None, "{junk}");
        }
    }

    #[test]
    fn key_cursors_round_trip_even_with_separators_in_the_key() {
        let cursor = KeyCursor { key: "a|b|c".into(), id: Uuid::now_v7() };
        assert_eq!(KeyCursor::decode(&cursor.encode()), Some(cursor.clone()));
        // A newest-first cursor is not a key cursor, and the other way round.
        let dated = Cursor { at: Utc::now(), id: Uuid::now_v7() };
        assert_eq!(KeyCursor::decode(&dated.encode()), None);
        assert_eq!(Cursor::decode(&cursor.encode()), None);
    }

    #[test]
    fn page_sizes_are_bounded() {
        assert_eq!(PageRequest::parse(None, None).unwrap().first, 50);
        assert_eq!(PageRequest::parse(Some(100), None).unwrap().fetch_limit(), 101);
        for bad in [0, -1, 101, i32::MAX] {
            assert!(matches!(PageRequest::parse(Some(bad), None), Err(ApiError::BadUserInput { .. })));
        }
        assert!(PageRequest::parse(None, Some("nope")).is_err());
        let page = Page::from_overfetch(vec![1, 2, 3], &PageRequest::parse(Some(2), None).unwrap());
        assert_eq!((page.items, page.has_next_page), (vec![1, 2], true));
    }
}

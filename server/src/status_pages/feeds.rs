//! A page's outages and maintenance as RSS 2.0 and Atom feeds (built by the `rss` and
//! `atom_syndication` crates, which escape and date correctly): one entry per outage (updated
//! when it is resolved) and per maintenance window, newest first.

use chrono::{DateTime, Utc};

use super::public::{PublicMaintenance, PublicOutage, PublicPage};

/// One feed entry, before it takes either format.
struct Entry {
    id: String,
    title: String,
    summary: String,
    published: DateTime<Utc>,
    updated: DateTime<Utc>,
}

fn duration(from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    let minutes = (to - from).num_minutes().max(1);
    match minutes {
        m if m < 60 => format!("{m} min"),
        m => format!("{} h {} min", m / 60, m % 60),
    }
}

fn outage_entry(page_url: &str, outage: &PublicOutage) -> Entry {
    let names = outage.components.join(", ");
    let started = outage.started_at.format("%Y-%m-%d %H:%M UTC");
    let (title, summary, updated) = match outage.resolved_at {
        None => {
            (format!("Outage: {names}"), format!("{names} has been down since {started}."), outage.started_at)
        }
        Some(resolved) => (
            format!("Resolved: {names} outage"),
            format!("{names} was down from {started} for {}.", duration(outage.started_at, resolved)),
            resolved,
        ),
    };
    Entry {
        id: format!("{page_url}#outage-{}-{}", outage.started_at.timestamp(), names.replace(' ', "-")),
        title,
        summary,
        published: outage.started_at,
        updated,
    }
}

fn maintenance_entry(page_url: &str, window: &PublicMaintenance, now: DateTime<Utc>) -> Entry {
    let names = window.components.join(", ");
    let from = window.starts_at.format("%Y-%m-%d %H:%M UTC");
    let until = window.ends_at.format("%Y-%m-%d %H:%M UTC");
    let state = if window.active { "In progress" } else { "Scheduled" };
    Entry {
        id: format!(
            "{page_url}#maintenance-{}-{}",
            window.starts_at.timestamp(),
            window.name.replace(' ', "-")
        ),
        title: format!("{state} maintenance: {}", window.name),
        summary: format!("{} affects {names} from {from} until {until}.", window.name),
        // Announcements are dated when the feed first shows them: now, or their start.
        published: std::cmp::min(window.starts_at, now),
        updated: std::cmp::min(window.starts_at, now),
    }
}

fn entries(page: &PublicPage, page_url: &str) -> Vec<Entry> {
    let mut entries: Vec<Entry> = page
        .active_outages
        .iter()
        .chain(&page.recent_outages)
        .map(|outage| outage_entry(page_url, outage))
        .chain(page.maintenance.iter().map(|window| maintenance_entry(page_url, window, page.generated_at)))
        .collect();
    entries.sort_by_key(|entry| std::cmp::Reverse(entry.updated));
    entries
}

pub fn rss(page: &PublicPage, page_url: &str) -> String {
    let items = entries(page, page_url)
        .into_iter()
        .map(|entry| rss::Item {
            title: Some(entry.title),
            link: Some(page_url.to_owned()),
            description: Some(entry.summary),
            guid: Some(rss::Guid { value: entry.id, permalink: false }),
            pub_date: Some(entry.updated.to_rfc2822()),
            ..rss::Item::default()
        })
        .collect();
    let channel = rss::Channel {
        title: format!("{} — {}", page.organization, page.title),
        link: page_url.to_owned(),
        description: if page.description.is_empty() {
            format!("Outages and maintenance of {}", page.organization)
        } else {
            page.description.clone()
        },
        last_build_date: Some(page.generated_at.to_rfc2822()),
        ttl: Some("1".to_owned()),
        items,
        ..rss::Channel::default()
    };
    channel.to_string()
}

pub fn atom(page: &PublicPage, page_url: &str, feed_url: &str) -> String {
    use atom_syndication::{Entry as AtomEntry, Feed, Link, Text};
    let link = |href: &str, rel: &str| Link { href: href.to_owned(), rel: rel.to_owned(), ..Link::default() };
    let entries: Vec<AtomEntry> = entries(page, page_url)
        .into_iter()
        .map(|entry| AtomEntry {
            id: entry.id,
            title: Text::plain(entry.title),
            updated: entry.updated.fixed_offset(),
            published: Some(entry.published.fixed_offset()),
            summary: Some(Text::plain(entry.summary)),
            links: vec![link(page_url, "alternate")],
            ..AtomEntry::default()
        })
        .collect();
    let feed = Feed {
        id: feed_url.to_owned(),
        title: Text::plain(format!("{} — {}", page.organization, page.title)),
        updated: entries.first().map_or(page.generated_at.fixed_offset(), |entry| entry.updated),
        links: vec![link(page_url, "alternate"), link(feed_url, "self")],
        entries,
        ..Feed::default()
    };
    feed.to_string()
}

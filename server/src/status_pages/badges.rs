//! SVG badges for READMEs, in the familiar two-part shape: a grey label and a coloured value.
//! Text is escaped; widths come from a per-character estimate of Verdana 11px (as the common
//! badge services do), so no font is needed on the server.

use super::public::ComponentStatus;

const GREEN: &str = "#2e7d32";
const AMBER: &str = "#b26a00";
const ORANGE: &str = "#d84315";
const RED: &str = "#c62828";
const BLUE: &str = "#1565c0";
const GREY: &str = "#616161";

pub fn status(label: &str, status: ComponentStatus) -> String {
    let (value, color) = match status {
        ComponentStatus::Operational => ("operational", GREEN),
        ComponentStatus::Degraded => ("degraded", AMBER),
        ComponentStatus::PartialOutage => ("partial outage", ORANGE),
        ComponentStatus::Outage => ("outage", RED),
        ComponentStatus::Maintenance => ("maintenance", BLUE),
        ComponentStatus::Unknown => ("unknown", GREY),
    };
    render(label, value, color)
}

pub fn uptime(label: &str, percent: Option<f64>) -> String {
    match percent {
        None => render(label, "no data", GREY),
        Some(percent) => {
            let color = if percent >= 99.9 {
                GREEN
            } else if percent >= 99.0 {
                AMBER
            } else {
                RED
            };
            // 99.95 must not round up to "100%": truncate to two decimals.
            let shown = (percent * 100.0).floor() / 100.0;
            render(label, &format!("{shown}%"), color)
        }
    }
}

pub fn response(label: &str, average_ms: Option<f64>) -> String {
    match average_ms {
        None => render(label, "no data", GREY),
        Some(ms) => {
            let color = if ms < 300.0 {
                GREEN
            } else if ms < 1000.0 {
                AMBER
            } else {
                RED
            };
            render(label, &format!("{} ms", ms.round() as i64), color)
        }
    }
}

/// Verdana 11px advance widths, roughly: narrow, wide and the rest.
fn text_width(text: &str) -> u32 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | ' ' => 4,
            'm' | 'w' | 'M' | 'W' | '%' | '@' => 10,
            c if c.is_ascii_uppercase() || c.is_ascii_digit() => 8,
            _ => 7,
        })
        .sum()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn render(label: &str, value: &str, color: &str) -> String {
    let (left, right) = (text_width(label) + 10, text_width(value) + 10);
    let width = left + right;
    let (label, value) = (escape(label), escape(value));
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" aria-label="{label}: {value}"><title>{label}: {value}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="{left}" height="20" fill="#555"/><rect x="{left}" width="{right}" height="20" fill="{color}"/><rect width="{width}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="{lx}" y="14">{label}</text><text x="{rx}" y="14">{value}</text></g></svg>"##,
        lx = left / 2,
        rx = left + right / 2,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_escape_their_text_and_pick_colours() {
        let svg = status("<API & \"co\">", ComponentStatus::Outage);
        assert!(svg.contains("&lt;API &amp; &quot;co&quot;&gt;: outage"), "{svg}");
        assert!(svg.contains(RED));
        assert!(uptime("uptime", Some(99.999)).contains("99.99%"));
        assert!(uptime("uptime", Some(99.5)).contains(AMBER));
        assert!(uptime("uptime", None).contains("no data"));
        assert!(response("response", Some(1234.4)).contains("1234 ms"));
    }
}

//! A person's page (`byline people --with NAME`, the reader's person page): their articles per
//! month, the people mentioned with them, their sources and their aliases. The months and the
//! total come from the `mentions_person` index alone; the people and sources are counted over
//! the person's newest articles only, at most a window of them (the page says so).

use super::clean::{line, text};
use super::names::resolve_person;
use super::{Result, Store};

/// The newest articles of a person the co-mentions and sources are counted over. The top person
/// of the 100,000-article bench store is in 56,000: all of them take 340-480 ms, the newest
/// 5,000 40-70 ms (BENCHMARKS.md, "Person page").
pub const PAGE_WINDOW: u64 = 5_000;

/// People and sources a page lists, most first.
pub const PAGE_TOP: usize = 15;

/// One person seen whole; names are display-safe.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonPage {
    pub name: String,
    /// Other names they are found by: aliases, and other people the name also resolves to.
    pub aliases: Vec<String>,
    /// Articles per month ("2025-12"), oldest first, every month of the span (gaps are 0);
    /// undated articles are not in it.
    pub months: Vec<(String, u64)>,
    /// The people most often mentioned in the same articles, with their article counts.
    pub with: Vec<(String, u64)>,
    /// Their sources with article counts.
    pub sources: Vec<(String, u64)>,
    /// All their articles.
    pub articles: u64,
    /// How many of their newest articles `with` and `sources` were counted over.
    pub counted: u64,
}

impl PersonPage {
    /// Whether `with` and `sources` count fewer than all of their articles.
    pub fn bounded(&self) -> bool {
        self.counted < self.articles
    }
}

impl Store {
    /// The page of the person `name` names (resolved as `person:` resolves it, so the page
    /// counts what `person:"NAME"` finds), `top` people and sources counted over their newest
    /// `window` articles; `None` when no person answers to the name.
    pub fn person_page(&self, name: &str, top: usize, window: u64) -> Result<Option<PersonPage>> {
        // SQLite's LIMIT is an i64.
        let window = window.min(i64::MAX as u64);
        let mut ids = resolve_person(&self.conn, name)?;
        if ids.is_empty() {
            return Ok(None);
        }
        ids.sort_unstable();
        ids.dedup();
        // The ids come from the store: inlined, they let SQLite see the index ranges.
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let count = if ids.len() == 1 {
            "count(*)"
        } else {
            "count(DISTINCT article_id)"
        };
        let (canonical, aliases) = self.page_names(&list, name)?;
        let months = self.pairs(&format!(
            "SELECT substr(date, 1, 7) AS month, {count} FROM mentions
             WHERE person_id IN ({list}) AND date IS NOT NULL GROUP BY month ORDER BY month"
        ))?;
        // An article has one date: the months and the undated make the total without reading
        // the index twice.
        let undated: i64 = self.conn.query_row(
            &format!("SELECT {count} FROM mentions WHERE person_id IN ({list}) AND date IS NULL"),
            [],
            |r| r.get(0),
        )?;
        let articles = months.iter().map(|(_, n)| n).sum::<u64>() + undated as u64;
        let newest = if ids.len() == 1 {
            format!(
                "SELECT article_id FROM mentions WHERE person_id = {list}
                 ORDER BY date DESC, article_id DESC LIMIT {window}"
            )
        } else {
            format!(
                "SELECT article_id FROM mentions WHERE person_id IN ({list})
                 GROUP BY article_id ORDER BY max(date) DESC, article_id DESC LIMIT {window}"
            )
        };
        let with = self.pairs(&format!(
            "WITH mine(article_id) AS ({newest}),
             co(person_id, n) AS (SELECT o.person_id, count(*) FROM mine
                JOIN mentions o ON o.article_id = mine.article_id
                WHERE o.person_id NOT IN ({list}) GROUP BY o.person_id)
             SELECT p.name, co.n FROM co JOIN people p ON p.id = co.person_id
             ORDER BY co.n DESC, p.name LIMIT {top}"
        ))?;
        let sources = self.pairs(&format!(
            "WITH mine(article_id) AS ({newest})
             SELECT s.name, count(*) AS n FROM mine JOIN articles a ON a.id = mine.article_id
             JOIN sources s ON s.id = a.source_id GROUP BY s.id ORDER BY n DESC, s.name
             LIMIT {top}"
        ))?;
        Ok(Some(PersonPage {
            name: canonical,
            aliases,
            months: every_month(months),
            with,
            sources,
            articles,
            counted: articles.min(window),
        }))
    }

    /// The name the page goes by (the person whose name the term is, else the one in most
    /// articles) and the other names: aliases, and the other people the term resolved to.
    fn page_names(&self, list: &str, term: &str) -> Result<(String, Vec<String>)> {
        let key = crate::people::person_key(term);
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, name FROM people WHERE id IN ({list})
             ORDER BY key = ?1 DESC,
                (SELECT count(*) FROM mentions m WHERE m.person_id = people.id) DESC, name"
        ))?;
        let people = stmt
            .query_map([&key], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let Some((_, name)) = people.first().cloned() else {
            return Ok((line(term), Vec::new()));
        };
        let mut aliases: Vec<String> = Vec::new();
        for (id, own) in &people {
            let names = std::iter::once(line(own)).chain(self.person_aliases(*id, &name)?);
            for alias in names {
                if alias != line(&name) && !aliases.contains(&alias) {
                    aliases.push(alias);
                }
            }
        }
        Ok((line(&name), aliases))
    }

    /// (name, count) rows of `sql`.
    fn pairs(&self, sql: &str) -> Result<Vec<(String, u64)>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| Ok((text(r, 0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// The months from the first to the last, those without articles counted 0; months that are
/// not "YYYY-MM" (a damaged date) are kept as they are.
fn every_month(months: Vec<(String, u64)>) -> Vec<(String, u64)> {
    let parse = |m: &str| {
        let (y, mo) = m.split_once('-')?;
        let (y, mo) = (y.parse::<i32>().ok()?, mo.parse::<u32>().ok()?);
        ((1..=12).contains(&mo) && m.len() == 7).then_some(y * 12 + mo as i32 - 1)
    };
    let Some(first) = months.first().and_then(|(m, _)| parse(m)) else {
        return months;
    };
    let Some(last) = months.last().and_then(|(m, _)| parse(m)) else {
        return months;
    };
    // A span no screen could show (a damaged date years away) is left with its gaps.
    if months.iter().any(|(m, _)| parse(m).is_none()) || last - first > 1200 {
        return months;
    }
    (first..=last)
        .map(|n| {
            let label = format!("{:04}-{:02}", n.div_euclid(12), n.rem_euclid(12) + 1);
            let count = months.iter().find(|(m, _)| *m == label).map_or(0, |m| m.1);
            (label, count)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::every_month;

    #[test]
    fn months_without_articles_are_counted_zero() {
        let got = every_month(vec![("2024-11".into(), 2), ("2025-02".into(), 1)]);
        let want = [
            ("2024-11", 2),
            ("2024-12", 0),
            ("2025-01", 0),
            ("2025-02", 1),
        ];
        let want: Vec<(String, u64)> = want.iter().map(|(m, n)| (m.to_string(), *n)).collect();
        assert_eq!(got, want);
    }
}

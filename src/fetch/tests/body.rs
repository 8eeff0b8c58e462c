//! Bodies: gzip and brotli decoded, and the cap enforced while reading, after decompression.

use std::io::Write;
use std::time::{Duration, Instant};

use flate2::write::GzEncoder;
use flate2::Compression;

use super::{settings, Reply, Server};
use crate::fetch::{get, Client, FetchError, HttpSettings, Outcome, Validators};

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

/// A valid brotli stream made of uncompressed meta-blocks (RFC 7932 section 9.2), so the test
/// needs no brotli encoder: 1 bit WBITS=16, then per block ISLAST=0, MNIBBLES=4 (0b00),
/// MLEN-1 in 16 bits, ISUNCOMPRESSED=1, padding to the byte; the stream ends with an empty last
/// meta-block (ISLAST=1, ISLASTEMPTY=1).
fn brotli_stored(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, block) in data.chunks(1 << 16).enumerate() {
        let header: u32 = (((block.len() - 1) as u32) << 4) | (1 << 20);
        if i == 0 {
            out.extend_from_slice(&header.to_le_bytes()[..3]);
        } else {
            // Later blocks have no WBITS bit before them: shift the header down by one.
            out.extend_from_slice(&(header >> 1).to_le_bytes()[..3]);
        }
        out.extend_from_slice(block);
    }
    out.push(0b11);
    out
}

fn capped(max_body_bytes: u64) -> Client {
    Client::new(HttpSettings {
        max_body_bytes,
        ..settings()
    })
}

fn body_of(result: Result<Outcome, FetchError>) -> Vec<u8> {
    match result.unwrap() {
        Outcome::Fetched(f) => f.body,
        other => panic!("expected a body, got {other:?}"),
    }
}

const FEED: &str = "<rss><channel><title>Compressed</title></channel></rss>";

#[test]
fn gzip_bodies_are_decoded() {
    let server = Server::fixed(|| {
        Reply::new(200)
            .header("Content-Encoding", "gzip")
            .body(gzip(FEED.as_bytes()))
    });
    let body = body_of(get(
        &capped(1 << 20),
        &server.url("/"),
        &Validators::default(),
    ));
    assert_eq!(body, FEED.as_bytes());
}

#[test]
fn brotli_bodies_are_decoded() {
    // Two meta-blocks, so the framing of a later block is exercised too.
    let big: Vec<u8> = (0..70_000u32).map(|i| (i % 251) as u8).collect();
    for data in [FEED.as_bytes().to_vec(), big] {
        let encoded = brotli_stored(&data);
        let server = Server::fixed(move || {
            Reply::new(200)
                .header("Content-Encoding", "br")
                .body(encoded.clone())
        });
        let body = body_of(get(
            &capped(1 << 20),
            &server.url("/"),
            &Validators::default(),
        ));
        assert_eq!(body, data);
    }
}

#[test]
fn a_gzip_bomb_stops_at_the_cap() {
    // 200 MB of zeros: one gzipped MiB repeated as 200 gzip members (a valid multi-member
    // stream), about 200 KB on the wire.
    let member = gzip(&vec![0u8; 1 << 20]);
    let bomb: Vec<u8> = member.repeat(200);
    assert!(bomb.len() < 1 << 20);
    let server = Server::fixed(move || {
        Reply::new(200)
            .header("Content-Encoding", "gzip")
            .body(bomb.clone())
    });
    let started = Instant::now();
    let err = get(&capped(1 << 20), &server.url("/"), &Validators::default()).unwrap_err();
    assert_eq!(err, FetchError::TooLarge { limit: 1 << 20 });
    assert_eq!(err.to_string(), "too large: over 1 MiB");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_plain_body_over_the_cap_is_refused() {
    // With a Content-Length (refused up front) and without one (refused while reading).
    for close_delimited in [false, true] {
        let server = Server::fixed(move || Reply {
            close_delimited,
            ..Reply::new(200).body(vec![b'x'; 5000])
        });
        let err = get(&capped(4096), &server.url("/"), &Validators::default()).unwrap_err();
        assert_eq!(
            err,
            FetchError::TooLarge { limit: 4096 },
            "{close_delimited}"
        );
    }
}

#[test]
fn a_body_exactly_at_the_cap_is_accepted() {
    for close_delimited in [false, true] {
        let server = Server::fixed(move || Reply {
            close_delimited,
            ..Reply::new(200).body(vec![b'x'; 4096])
        });
        let body = body_of(get(&capped(4096), &server.url("/"), &Validators::default()));
        assert_eq!(body.len(), 4096);
    }
}

#[test]
fn a_corrupt_gzip_body_is_an_error_not_a_panic() {
    let server = Server::fixed(|| {
        Reply::new(200)
            .header("Content-Encoding", "gzip")
            .body(b"\x1f\x8bnot really gzip".to_vec())
    });
    let err = get(&capped(1 << 20), &server.url("/"), &Validators::default()).unwrap_err();
    assert!(matches!(err, FetchError::Io(_)), "{err:?}");
}

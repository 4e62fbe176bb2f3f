//! Writing to stdout without panicking: `println!` panics when the reader goes away
//! (`galley scan site | head`), and a CLI used in CI must never show a backtrace.

use std::io::{BufWriter, Stdout, Write};

/// Buffered stdout that stops quietly once the reader has gone.
pub struct Output {
    inner: BufWriter<Stdout>,
    gone: bool,
}

impl Output {
    /// Stdout, buffered.
    pub fn new() -> Output {
        Output {
            inner: BufWriter::with_capacity(1 << 16, std::io::stdout()),
            gone: false,
        }
    }

    /// Writes `text` and a newline.
    pub fn line(&mut self, text: &str) {
        self.write(text);
        self.write("\n");
    }

    /// Writes `text` as is.
    pub fn write(&mut self, text: &str) {
        if !self.gone && self.inner.write_all(text.as_bytes()).is_err() {
            self.gone = true;
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if !self.gone {
            let _ = self.inner.flush();
        }
    }
}

//! A PIN as typed into a field: digits only, never shown, wiped when dropped.

/// Room for more than the longest PIN: a barcode scanned into a PIN field shows up as too
/// long and is refused on the spot, instead of being checked and counted as a wrong PIN.
const PIN_ROOM: usize = 16;

/// A PIN as typed: only digits, never shown (`●`), never printed by `Debug`, and wiped from
/// memory when dropped, so the buffer does not outlive its use (effects carry a copy to the
/// runtime; each copy wipes itself). The capacity is fixed up front so typing never leaves a
/// reallocated copy behind. No crate is needed for this: overwriting the bytes through
/// `black_box` keeps the compiler from dropping the writes.
#[derive(Clone, PartialEq, Eq)]
pub struct Pin(String);

impl Pin {
    pub fn new() -> Pin {
        Pin(String::with_capacity(PIN_ROOM))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn push(&mut self, c: char) {
        if c.is_ascii_digit() && self.0.len() < PIN_ROOM {
            self.0.push(c);
        }
    }

    pub fn pop(&mut self) {
        self.0.pop();
    }

    /// Wipes the digits; the PIN is empty afterwards.
    pub fn clear(&mut self) {
        let mut bytes = std::mem::take(&mut self.0).into_bytes();
        bytes.fill(0);
        std::hint::black_box(&bytes);
        bytes.clear();
        // Safe: an empty buffer is valid UTF-8; the allocation is reused for the next PIN.
        self.0 = String::from_utf8(bytes).unwrap_or_default();
    }

    /// Hands the digits over and leaves this buffer empty.
    pub fn take(&mut self) -> Pin {
        let taken = self.clone();
        self.clear();
        taken
    }

    /// `●` per digit typed.
    pub fn dots(&self) -> String {
        "●".repeat(self.0.len())
    }
}

impl Default for Pin {
    fn default() -> Pin {
        Pin::new()
    }
}

impl Drop for Pin {
    fn drop(&mut self) {
        self.clear();
    }
}

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin(…)")
    }
}

//! The shared scanner: splits a text into words, digit runs and symbols (one pass, one `Vec`),
//! classifies every word once against the lexicon, and offers the small look-ups the value
//! readers share. URLs and e-mail addresses become one opaque token so that no value is read
//! out of them.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of alphabetic characters.
    Word,
    /// A run of ASCII digits.
    Digits,
    /// One other non-space character.
    Symbol(char),
    /// A URL or an e-mail address: never read.
    Opaque,
}

/// What the lexicon knows about a word (lowercased).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Lex {
    Other,
    /// zero..nineteen, twenty..ninety.
    Cardinal(u64),
    /// hundred, thousand, million, … and their written abbreviations.
    Scale(f64),
    /// Suffix abbreviations that scale a number only right after its digits: k, m, bn, mln, …
    ScaleAbbreviation(f64),
    /// first..twentieth, thirtieth..ninetieth, hundredth, … and compounds ("twentyfifth").
    Ordinal(u64),
    /// A month, 1–12.
    Month(u8),
    Weekday,
    /// A currency name or prefix that names its currency ("euros", "yuan", "ringgit").
    Currency(&'static str),
    /// "dollar(s)": the currency comes from the options unless an adjective names it.
    Dollar,
    /// A generic currency word whose country comes from an adjective ("pounds", "rubles").
    CurrencyFamily(Family),
    /// An adjective naming a country's currency ("Belarusian", "US").
    CurrencyAdjective(Adjective),
    /// The minor unit of a currency: cents, pence, sen, kopecks.
    MinorUnit,
    /// "the"
    The,
    /// "a", "an"
    Article,
    /// "minus", "negative"
    Minus,
    /// "point" (as in "two point five")
    Point,
    /// "half"
    Half,
    /// "dozen", "dozens"
    Dozen,
    /// "quarter", "quarters" (as in "a quarter of a million")
    Quarter,
    /// "couple", "pair"
    Couple,
    /// "few" (read only as "a few", about three)
    Few,
    /// The first word of a hedge ("about", "more than", "at least", "between"): its group in
    /// [`super::hedge::PHRASES`].
    Hedge(u8),
    /// A word that may stand before a currency amount as a prefix ("Rs", "RM", "RMB").
    CurrencyPrefix(&'static str),
}

/// Currency names shared by several countries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Dollar,
    Pound,
    Ruble,
    Rupee,
    Riyal,
    Dinar,
    Franc,
    Peso,
    Krone,
    Ringgit,
    Yuan,
    Yen,
}

/// A country adjective and the currency it picks in each family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Adjective(pub &'static [(Family, &'static str)]);

/// A word that labels the number after it ("Chapter 7").
pub(crate) const LABEL: u8 = 1;
/// A word after which a bare four-digit number is a year ("in 1992").
pub(crate) const YEAR_CONTEXT: u8 = 2;

/// A word of two or three capital letters, which may be a currency code ("EUR").
pub(crate) const UPPER_CODE: u8 = 4;
/// A token with a "$" glued after it ("US$", "A$").
pub(crate) const BEFORE_DOLLAR: u8 = 8;

/// What the lexicon map holds for a word.
#[derive(Clone, Copy, Debug)]
struct Entry {
    lex: Lex,
    flags: u8,
}

/// A word of at most 16 ASCII letters, lowercased and packed into two little-endian `u64`s
/// (bytes 0–7, then 8–15), zero-padded. Letters are never zero, so the padding makes the
/// length part of the key, and an empty key (`lo == 0`) marks an empty slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    lo: u64,
    hi: u64,
}

impl Key {
    /// The key of `word`, or `None` when it is empty, longer than 16 bytes or not all ASCII
    /// letters.
    fn of(word: &[u8]) -> Option<Key> {
        if word.is_empty() || word.len() > 16 {
            return None;
        }
        let mut key = Key { lo: 0, hi: 0 };
        for (at, &byte) in word.iter().enumerate() {
            if !byte.is_ascii_alphabetic() {
                return None;
            }
            key.push(at, byte);
        }
        Some(key)
    }

    /// Put the ASCII letter `byte`, lowercased, at position `at` (< 16).
    #[inline(always)]
    fn push(&mut self, at: usize, byte: u8) {
        let lower = u64::from(byte | 0x20);
        if at < 8 {
            self.lo |= lower << (8 * at);
        } else {
            self.hi |= lower << (8 * (at - 8));
        }
    }

    /// The lowercased word, in `buffer`.
    fn bytes(self, buffer: &mut [u8; 16]) -> &[u8] {
        buffer[..8].copy_from_slice(&self.lo.to_le_bytes());
        buffer[8..].copy_from_slice(&self.hi.to_le_bytes());
        let len = buffer.iter().position(|&b| b == 0).unwrap_or(16);
        &buffer[..len]
    }

    #[inline(always)]
    fn slot(self) -> usize {
        let mixed = (self.lo ^ self.hi.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (mixed >> (64 - TABLE_BITS)) as usize
    }
}

/// The lexicon table holds `1 << TABLE_BITS` slots, well over twice the words it holds, so
/// that a miss (most words of prose) ends after a probe or two.
const TABLE_BITS: u32 = 10;

/// The lexicon, the label words and the year-context words in one open-addressing table
/// (linear probing) keyed by [`Key`], built once. A hand-made table rather than a `HashMap`:
/// the key is made while the scanner reads the letters, so a look-up is one multiply and one
/// or two compares of two `u64`s, with no copy, no case folding and no byte hashing.
struct Table {
    slots: Vec<(Key, Entry)>,
}

impl Table {
    fn build() -> Table {
        let empty = (
            Key { lo: 0, hi: 0 },
            Entry {
                lex: Lex::Other,
                flags: 0,
            },
        );
        let mut table = Table {
            slots: vec![empty; 1 << TABLE_BITS],
        };
        for (word, lex) in LEXICON {
            if let Some(slot) = table.slot_for(word) {
                slot.1.lex = *lex;
            }
        }
        for (group, (word, _)) in super::hedge::PHRASES.iter().enumerate() {
            if let (Some(slot), Ok(group)) = (table.slot_for(word), u8::try_from(group)) {
                slot.1.lex = Lex::Hedge(group);
            }
        }
        for (words, flag) in [
            (super::identifier::LABELS, LABEL),
            (super::date::YEAR_CONTEXT_WORDS, YEAR_CONTEXT),
        ] {
            for word in words {
                if let Some(slot) = table.slot_for(word) {
                    slot.1.flags |= flag;
                }
            }
        }
        table
    }

    /// The slot of `word`, claimed if it is new (as `Other` with no flags).
    fn slot_for(&mut self, word: &str) -> Option<&mut (Key, Entry)> {
        let key = Key::of(word.as_bytes())?;
        let mask = self.slots.len() - 1;
        let mut at = key.slot();
        // The table is far from full, so an empty slot or the key is always found.
        for _ in 0..self.slots.len() {
            let found = self.slots[at].0;
            if found == key || found.lo == 0 {
                self.slots[at].0 = key;
                return self.slots.get_mut(at);
            }
            at = (at + 1) & mask;
        }
        None
    }

    #[inline]
    fn get(&self, key: Key) -> Option<Entry> {
        let mask = self.slots.len() - 1;
        let mut at = key.slot();
        for _ in 0..self.slots.len() {
            let (found, entry) = self.slots.get(at)?;
            if *found == key {
                return Some(*entry);
            }
            if found.lo == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
        None
    }
}

static TABLE: std::sync::LazyLock<Table> = std::sync::LazyLock::new(Table::build);

#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub kind: Kind,
    pub lex: Lex,
    /// [`LABEL`], [`YEAR_CONTEXT`], [`UPPER_CODE`], [`BEFORE_DOLLAR`]
    pub flags: u8,
    pub start: usize,
    pub end: usize,
    /// Whether whitespace (or the start of the text) comes right before this token.
    pub spaced: bool,
}

/// The tokens of one text.
pub(crate) struct Scan<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
}

impl<'t> Scan<'t> {
    #[cfg(test)]
    pub fn new(text: &'t str) -> Self {
        Scan::with_buffer(text, Vec::new())
    }

    /// Scan `text` into `tokens` (cleared first), so that one allocation serves many texts.
    pub fn with_buffer(text: &'t str, mut tokens: Vec<Token>) -> Self {
        let bytes = text.as_bytes();
        tokens.clear();
        tokens.reserve(text.len() / 6 + 1);
        let mut at = 0;
        let mut spaced = true;
        // Where the current run of non-space text began, to turn it into one opaque token
        // when it proves to be a URL or an e-mail address.
        let mut chunk_start = 0;
        let mut chunk_tokens = 0;
        let table: &Table = &TABLE;
        while let Some(&byte) = bytes.get(at) {
            if byte.is_ascii_alphabetic() {
                if spaced {
                    chunk_start = at;
                    chunk_tokens = tokens.len();
                }
                let (end, lex, flags) = read_word(text, at, table);
                tokens.push(Token {
                    kind: Kind::Word,
                    lex,
                    flags,
                    start: at,
                    end,
                    spaced,
                });
                at = end;
                spaced = false;
                // Most words are followed by one space.
                if bytes.get(at) == Some(&b' ') {
                    at += 1;
                    spaced = true;
                }
                continue;
            }
            if byte == b' ' || byte == b'\n' || byte == b'\t' || byte == b'\r' {
                at += 1;
                spaced = true;
                continue;
            }
            if spaced {
                chunk_start = at;
                chunk_tokens = tokens.len();
            }
            if matches!(byte, b':' | b'@' | b'.') && is_address_mark(bytes, chunk_start, at) {
                let chunk_end = bytes[at..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace())
                    .map_or(bytes.len(), |offset| at + offset);
                tokens.truncate(chunk_tokens);
                tokens.push(Token {
                    kind: Kind::Opaque,
                    lex: Lex::Other,
                    flags: 0,
                    start: chunk_start,
                    end: chunk_end,
                    spaced: true,
                });
                at = chunk_end;
                spaced = false;
                continue;
            }
            if byte.is_ascii_digit() {
                let end = run_end(bytes, at, |b| b.is_ascii_digit());
                tokens.push(Token {
                    kind: Kind::Digits,
                    lex: Lex::Other,
                    flags: 0,
                    start: at,
                    end,
                    spaced,
                });
                at = end;
                spaced = false;
                continue;
            }
            if byte >= 0x80 {
                let Some(ch) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                if ch.is_whitespace() {
                    at += ch.len_utf8();
                    spaced = true;
                    continue;
                }
                if ch.is_alphabetic() {
                    // A word that starts with a non-ASCII letter is never in the lexicon.
                    let end = word_end(text, at);
                    tokens.push(Token {
                        kind: Kind::Word,
                        lex: Lex::Other,
                        flags: 0,
                        start: at,
                        end,
                        spaced,
                    });
                    at = end;
                    spaced = false;
                    continue;
                }
                tokens.push(Token {
                    kind: Kind::Symbol(ch),
                    lex: Lex::Other,
                    flags: 0,
                    start: at,
                    end: at + ch.len_utf8(),
                    spaced,
                });
                at += ch.len_utf8();
                spaced = false;
                continue;
            }
            if byte == b'$'
                && !spaced
                && let Some(before) = tokens.last_mut()
            {
                before.flags |= BEFORE_DOLLAR;
            }
            tokens.push(Token {
                kind: Kind::Symbol(byte as char),
                lex: Lex::Other,
                flags: 0,
                start: at,
                end: at + 1,
                spaced,
            });
            at += 1;
            spaced = false;
        }
        Scan { text, tokens }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token buffer, for the next text.
    pub fn into_buffer(self) -> Vec<Token> {
        self.tokens
    }

    pub fn token(&self, index: usize) -> Option<&Token> {
        self.tokens.get(index)
    }

    pub fn str(&self, index: usize) -> &'t str {
        self.tokens
            .get(index)
            .and_then(|token| self.text.get(token.start..token.end))
            .unwrap_or("")
    }

    /// Whether token `index` is a word with `flag` ([`LABEL`], [`YEAR_CONTEXT`]).
    pub fn has_flag(&self, index: usize, flag: u8) -> bool {
        self.tokens
            .get(index)
            .is_some_and(|token| token.flags & flag != 0)
    }

    pub fn kind(&self, index: usize) -> Option<Kind> {
        self.tokens.get(index).map(|token| token.kind)
    }

    pub fn lex(&self, index: usize) -> Lex {
        self.tokens.get(index).map_or(Lex::Other, |token| token.lex)
    }

    /// Whether token `index` exists and follows the token before it with no space.
    pub fn attached(&self, index: usize) -> bool {
        self.tokens.get(index).is_some_and(|token| !token.spaced)
    }

    pub fn is_digits(&self, index: usize) -> bool {
        self.kind(index) == Some(Kind::Digits)
    }

    pub fn is_symbol(&self, index: usize, symbol: char) -> bool {
        self.kind(index) == Some(Kind::Symbol(symbol))
    }

    pub fn symbol(&self, index: usize) -> Option<char> {
        match self.kind(index) {
            Some(Kind::Symbol(symbol)) => Some(symbol),
            _ => None,
        }
    }

    /// Whether token `index` is a dash or hyphen of any kind.
    pub fn is_dash(&self, index: usize) -> bool {
        matches!(self.symbol(index), Some('-' | '–' | '—' | '‐' | '‑' | '−'))
    }

    /// Whether token `index` is the word `word` (ASCII case-insensitive).
    pub fn is_word(&self, index: usize, word: &str) -> bool {
        self.kind(index) == Some(Kind::Word) && self.str(index).eq_ignore_ascii_case(word)
    }

    /// Whether token `index` is one of `words`.
    pub fn is_any_word(&self, index: usize, words: &[&str]) -> bool {
        self.kind(index) == Some(Kind::Word) && {
            let text = self.str(index);
            words.iter().any(|word| text.eq_ignore_ascii_case(word))
        }
    }

    /// The value of a digit run, if it fits.
    pub fn digits_value(&self, index: usize) -> Option<u64> {
        if !self.is_digits(index) {
            return None;
        }
        let text = self.str(index);
        if text.len() > 18 {
            return None;
        }
        text.parse().ok()
    }

    /// The number of digits of a digit run (0 when it is not one).
    pub fn digits_len(&self, index: usize) -> usize {
        if self.is_digits(index) {
            self.str(index).len()
        } else {
            0
        }
    }

    /// The byte offset where token `index` starts (the text's end past the last token).
    pub fn start(&self, index: usize) -> usize {
        self.tokens
            .get(index)
            .map_or(self.text.len(), |token| token.start)
    }

    /// The byte offset where token `index` ends.
    pub fn end(&self, index: usize) -> usize {
        self.tokens
            .get(index)
            .map_or(self.text.len(), |token| token.end)
    }

    /// Whether the gap before token `index` is exactly one space-like character (a plain,
    /// no-break, thin or narrow no-break space), as thousands separators are written.
    pub fn single_space_before(&self, index: usize) -> bool {
        if index == 0 {
            return false;
        }
        let gap = self
            .text
            .get(self.end(index - 1)..self.start(index))
            .unwrap_or("");
        matches!(gap, " " | "\u{a0}" | "\u{2009}" | "\u{202f}")
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const CASE_BITS: u64 = 0x2020_2020_2020_2020;

/// For eight bytes (little-endian), the high bit of each byte that is an ASCII letter. Case is
/// folded with 0x20 and the high bit dropped, so that each byte stays under 0x80 and the two
/// additions cannot carry into the next byte.
#[inline(always)]
fn letter_mask(chunk: u64) -> u64 {
    let folded = (chunk | CASE_BITS) & !HIGH_BITS;
    let from_a = folded + ONES * u64::from(0x80 - b'a');
    let past_z = folded + ONES * u64::from(0x80 - b'z' - 1);
    from_a & !past_z & !chunk & HIGH_BITS
}

/// The end of the run of ASCII letters starting at byte `start`, and its key when the run is
/// at most 16 letters long. Eight bytes at a time while eight remain.
#[inline]
fn ascii_word(bytes: &[u8], start: usize) -> (usize, Option<Key>) {
    let mut key = Key { lo: 0, hi: 0 };
    let mut at = start;
    let mut chunks = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let chunk = u64::from_le_bytes(chunk);
        let letters = ((!letter_mask(chunk) & HIGH_BITS).trailing_zeros() / 8) as usize;
        let kept = if letters == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * letters)) - 1
        };
        let lower = (chunk | CASE_BITS) & kept;
        match chunks {
            0 => key.lo = lower,
            1 => key.hi = lower,
            _ => {}
        }
        chunks += 1;
        at += letters;
        if letters < 8 {
            return (at, (at - start <= 16).then_some(key));
        }
    }
    while let Some(&byte) = bytes.get(at) {
        if !byte.is_ascii_alphabetic() {
            break;
        }
        if at - start < 16 {
            key.push(at - start, byte);
        }
        at += 1;
    }
    (at, (at - start <= 16).then_some(key))
}

fn run_end(bytes: &[u8], start: usize, keep: impl Fn(u8) -> bool) -> usize {
    bytes[start..]
        .iter()
        .position(|&b| !keep(b))
        .map_or(bytes.len(), |offset| start + offset)
}

/// Whether the byte at `at` (a `:`, `@` or `.`) shows that the non-space run starting at
/// `chunk_start` is a URL ("://", "www.") or an e-mail address ("name@host.org"). Kept out of
/// line: it is rarely asked, and inlined it slowed the scanner's loop.
#[inline(never)]
fn is_address_mark(bytes: &[u8], chunk_start: usize, at: usize) -> bool {
    match bytes.get(at) {
        Some(b':') => bytes.get(at + 1..at + 3) == Some(b"//".as_slice()),
        Some(b'.') => bytes
            .get(chunk_start..at)
            .is_some_and(|before| before.eq_ignore_ascii_case(b"www")),
        Some(b'@') => {
            // Host names are short: look no further than 255 bytes, so that a long run of
            // '@' stays linear.
            let rest = bytes.get(at + 1..).unwrap_or(&[]);
            let rest = rest.get(..255).unwrap_or(rest);
            let host_len = rest
                .iter()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(rest.len());
            let host = &rest[..host_len];
            at > chunk_start
                && host.first().is_some_and(u8::is_ascii_alphanumeric)
                && host.len() > 2
                && host.contains(&b'.')
        }
        _ => false,
    }
}

/// The word that starts with the ASCII letter at byte `start`: its end, what it is and its
/// flags. Its lowercased key is made as its letters are read; a non-ASCII letter continuing
/// it ("Zürich") makes it `Other`, as does a length over 16.
#[inline]
fn read_word(text: &str, start: usize, table: &Table) -> (usize, Lex, u8) {
    let bytes = text.as_bytes();
    let (end, key) = ascii_word(bytes, start);
    if bytes.get(end).is_some_and(|&b| b >= 0x80)
        && text
            .get(end..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphabetic)
    {
        return (word_end(text, start), Lex::Other, 0);
    }
    let Some(key) = key else {
        return (end, Lex::Other, 0);
    };
    let word = bytes.get(start..end).unwrap_or_default();
    let (lex, flags) = classify_key(word, key, table);
    let code = (2..=3).contains(&word.len()) && word.iter().all(u8::is_ascii_uppercase);
    (end, lex, if code { flags | UPPER_CODE } else { flags })
}

/// The end of the run of alphabetic characters (any script) starting at byte `start`.
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    for (offset, next) in text.get(start..).unwrap_or("").char_indices() {
        if !next.is_alphabetic() {
            break;
        }
        end = start + offset + next.len_utf8();
    }
    end
}

/// Classify a word through the lexicon: what it is and its flags. Words longer than 16 bytes
/// or not ASCII are `Other`.
#[cfg(test)]
fn classify(word: &str) -> (Lex, u8) {
    match Key::of(word.as_bytes()) {
        Some(key) => classify_key(word.as_bytes(), key, &TABLE),
        None => (Lex::Other, 0),
    }
}

/// Classify the ASCII word `word` (at most 16 letters) whose key is `key`.
#[inline]
fn classify_key(word: &[u8], key: Key, table: &Table) -> (Lex, u8) {
    // Case matters for a few words: "May" the month (not "may"), "M" for million, "Br".
    if word.len() <= 3 && matches!(word.first(), Some(b'M' | b'm' | b'B' | b'b' | b'G')) {
        match word {
            b"May" | b"MAY" => return (Lex::Month(5), 0),
            b"may" => return (Lex::Other, 0),
            b"M" | b"MM" | b"mn" | b"Mn" => return (Lex::ScaleAbbreviation(1e6), 0),
            b"B" | b"Bn" | b"BN" | b"G" => return (Lex::ScaleAbbreviation(1e9), 0),
            // The Belarusian ruble's sign; "br" in lower case is no currency.
            b"Br" => return (Lex::CurrencyPrefix("BYN"), 0),
            _ => {}
        }
    }
    if let Some(entry) = table.get(key) {
        return (entry.lex, entry.flags);
    }
    // Run-together ordinals ("twentyfifth") are ten letters or more.
    if word.len() < 10 || !matches!(key.lo as u8, b't' | b'f' | b's' | b'e' | b'n') {
        return (Lex::Other, 0);
    }
    let mut buffer = [0u8; 16];
    let lex = std::str::from_utf8(key.bytes(&mut buffer))
        .ok()
        .and_then(compound_ordinal)
        .map_or(Lex::Other, Lex::Ordinal);
    (lex, 0)
}

/// "twentyfifth" → 25: a tens word run together with a unit ordinal.
fn compound_ordinal(word: &str) -> Option<u64> {
    const TENS: [(&str, u64); 8] = [
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ];
    let (tens, rest) = TENS
        .iter()
        .find_map(|(prefix, value)| word.strip_prefix(prefix).map(|rest| (*value, rest)))?;
    match lookup(rest)? {
        Lex::Ordinal(unit) if (1..=9).contains(&unit) => Some(tens + unit),
        _ => None,
    }
}

const US: Adjective = Adjective(&[(Family::Dollar, "USD")]);
const CANADIAN: Adjective = Adjective(&[(Family::Dollar, "CAD")]);
const AUSTRALIAN: Adjective = Adjective(&[(Family::Dollar, "AUD")]);
const SINGAPORE: Adjective = Adjective(&[(Family::Dollar, "SGD")]);
const BRITISH: Adjective = Adjective(&[(Family::Pound, "GBP")]);
const EGYPTIAN: Adjective = Adjective(&[(Family::Pound, "EGP")]);
const LEBANESE: Adjective = Adjective(&[(Family::Pound, "LBP")]);
const BELARUSIAN: Adjective = Adjective(&[(Family::Ruble, "BYN")]);
const RUSSIAN: Adjective = Adjective(&[(Family::Ruble, "RUB")]);
const INDIAN: Adjective = Adjective(&[(Family::Rupee, "INR")]);
const PAKISTANI: Adjective = Adjective(&[(Family::Rupee, "PKR")]);
const SAUDI: Adjective = Adjective(&[(Family::Riyal, "SAR")]);
const QATARI: Adjective = Adjective(&[(Family::Riyal, "QAR")]);
const KUWAITI: Adjective = Adjective(&[(Family::Dinar, "KWD")]);
const SWISS: Adjective = Adjective(&[(Family::Franc, "CHF")]);
const MEXICAN: Adjective = Adjective(&[(Family::Peso, "MXN")]);
const PHILIPPINE: Adjective = Adjective(&[(Family::Peso, "PHP")]);
const ARGENTINE: Adjective = Adjective(&[(Family::Peso, "ARS")]);
const NORWEGIAN: Adjective = Adjective(&[(Family::Krone, "NOK")]);
const DANISH: Adjective = Adjective(&[(Family::Krone, "DKK")]);
const MALAYSIAN: Adjective = Adjective(&[(Family::Ringgit, "MYR")]);
const CHINESE: Adjective = Adjective(&[(Family::Yuan, "CNY")]);
const JAPANESE: Adjective = Adjective(&[(Family::Yen, "JPY")]);
const NEW_ZEALAND: Adjective = Adjective(&[(Family::Dollar, "NZD")]);

fn lookup(word: &str) -> Option<Lex> {
    TABLE
        .get(Key::of(word.as_bytes())?)
        .map(|entry| entry.lex)
        .filter(|lex| !matches!(lex, Lex::Other))
}

/// Every word the lexicon knows (lowercase), and what it is; the first words of hedges come
/// from [`super::hedge::PHRASES`].
const LEXICON: &[(&str, Lex)] = &[
    ("zero", Lex::Cardinal(0)),
    ("nought", Lex::Cardinal(0)),
    ("naught", Lex::Cardinal(0)),
    ("nil", Lex::Cardinal(0)),
    ("one", Lex::Cardinal(1)),
    ("single", Lex::Cardinal(1)),
    ("two", Lex::Cardinal(2)),
    ("three", Lex::Cardinal(3)),
    ("four", Lex::Cardinal(4)),
    ("five", Lex::Cardinal(5)),
    ("six", Lex::Cardinal(6)),
    ("seven", Lex::Cardinal(7)),
    ("eight", Lex::Cardinal(8)),
    ("nine", Lex::Cardinal(9)),
    ("ten", Lex::Cardinal(10)),
    ("eleven", Lex::Cardinal(11)),
    ("twelve", Lex::Cardinal(12)),
    ("thirteen", Lex::Cardinal(13)),
    ("fourteen", Lex::Cardinal(14)),
    ("fifteen", Lex::Cardinal(15)),
    ("sixteen", Lex::Cardinal(16)),
    ("seventeen", Lex::Cardinal(17)),
    ("eighteen", Lex::Cardinal(18)),
    ("nineteen", Lex::Cardinal(19)),
    ("twenty", Lex::Cardinal(20)),
    ("thirty", Lex::Cardinal(30)),
    ("forty", Lex::Cardinal(40)),
    ("fourty", Lex::Cardinal(40)),
    ("fifty", Lex::Cardinal(50)),
    ("sixty", Lex::Cardinal(60)),
    ("seventy", Lex::Cardinal(70)),
    ("eighty", Lex::Cardinal(80)),
    ("ninety", Lex::Cardinal(90)),
    ("hundred", Lex::Scale(100.0)),
    ("hundreds", Lex::Scale(100.0)),
    ("thousand", Lex::Scale(1e3)),
    ("thousands", Lex::Scale(1e3)),
    ("million", Lex::Scale(1e6)),
    ("millions", Lex::Scale(1e6)),
    ("billion", Lex::Scale(1e9)),
    ("billions", Lex::Scale(1e9)),
    ("trillion", Lex::Scale(1e12)),
    ("trillions", Lex::Scale(1e12)),
    ("lakh", Lex::Scale(1e5)),
    ("lakhs", Lex::Scale(1e5)),
    ("lac", Lex::Scale(1e5)),
    ("lacs", Lex::Scale(1e5)),
    ("lkh", Lex::Scale(1e5)),
    ("lkhs", Lex::Scale(1e5)),
    ("crore", Lex::Scale(1e7)),
    ("crores", Lex::Scale(1e7)),
    ("krore", Lex::Scale(1e7)),
    ("krores", Lex::Scale(1e7)),
    ("cr", Lex::Scale(1e7)),
    ("kr", Lex::Scale(1e7)),
    ("k", Lex::ScaleAbbreviation(1e3)),
    ("mln", Lex::ScaleAbbreviation(1e6)),
    ("mil", Lex::ScaleAbbreviation(1e6)),
    ("mio", Lex::ScaleAbbreviation(1e6)),
    ("bn", Lex::ScaleAbbreviation(1e9)),
    ("bln", Lex::ScaleAbbreviation(1e9)),
    ("bil", Lex::ScaleAbbreviation(1e9)),
    ("tn", Lex::ScaleAbbreviation(1e12)),
    ("trn", Lex::ScaleAbbreviation(1e12)),
    ("first", Lex::Ordinal(1)),
    ("second", Lex::Ordinal(2)),
    ("third", Lex::Ordinal(3)),
    ("fourth", Lex::Ordinal(4)),
    ("fifth", Lex::Ordinal(5)),
    ("sixth", Lex::Ordinal(6)),
    ("seventh", Lex::Ordinal(7)),
    ("eighth", Lex::Ordinal(8)),
    ("ninth", Lex::Ordinal(9)),
    ("tenth", Lex::Ordinal(10)),
    ("eleventh", Lex::Ordinal(11)),
    ("twelfth", Lex::Ordinal(12)),
    ("thirteenth", Lex::Ordinal(13)),
    ("fourteenth", Lex::Ordinal(14)),
    ("fifteenth", Lex::Ordinal(15)),
    ("sixteenth", Lex::Ordinal(16)),
    ("seventeenth", Lex::Ordinal(17)),
    ("eighteenth", Lex::Ordinal(18)),
    ("nineteenth", Lex::Ordinal(19)),
    ("twentieth", Lex::Ordinal(20)),
    ("thirtieth", Lex::Ordinal(30)),
    ("fortieth", Lex::Ordinal(40)),
    ("fiftieth", Lex::Ordinal(50)),
    ("sixtieth", Lex::Ordinal(60)),
    ("seventieth", Lex::Ordinal(70)),
    ("eightieth", Lex::Ordinal(80)),
    ("ninetieth", Lex::Ordinal(90)),
    ("hundredth", Lex::Ordinal(100)),
    ("thousandth", Lex::Ordinal(1000)),
    ("millionth", Lex::Ordinal(1_000_000)),
    ("january", Lex::Month(1)),
    ("jan", Lex::Month(1)),
    ("february", Lex::Month(2)),
    ("feb", Lex::Month(2)),
    ("march", Lex::Month(3)),
    ("mar", Lex::Month(3)),
    ("april", Lex::Month(4)),
    ("apr", Lex::Month(4)),
    ("june", Lex::Month(6)),
    ("jun", Lex::Month(6)),
    ("july", Lex::Month(7)),
    ("jul", Lex::Month(7)),
    ("august", Lex::Month(8)),
    ("aug", Lex::Month(8)),
    ("september", Lex::Month(9)),
    ("sep", Lex::Month(9)),
    ("sept", Lex::Month(9)),
    ("october", Lex::Month(10)),
    ("oct", Lex::Month(10)),
    ("november", Lex::Month(11)),
    ("nov", Lex::Month(11)),
    ("december", Lex::Month(12)),
    ("dec", Lex::Month(12)),
    ("monday", Lex::Weekday),
    ("mon", Lex::Weekday),
    ("tuesday", Lex::Weekday),
    ("tue", Lex::Weekday),
    ("tues", Lex::Weekday),
    ("wednesday", Lex::Weekday),
    ("wed", Lex::Weekday),
    ("thursday", Lex::Weekday),
    ("thu", Lex::Weekday),
    ("thur", Lex::Weekday),
    ("thurs", Lex::Weekday),
    ("friday", Lex::Weekday),
    ("fri", Lex::Weekday),
    ("saturday", Lex::Weekday),
    ("sat", Lex::Weekday),
    ("sunday", Lex::Weekday),
    ("sun", Lex::Weekday),
    ("dollar", Lex::Dollar),
    ("dollars", Lex::Dollar),
    ("buck", Lex::Dollar),
    ("bucks", Lex::Dollar),
    ("euro", Lex::Currency("EUR")),
    ("euros", Lex::Currency("EUR")),
    ("pound", Lex::CurrencyFamily(Family::Pound)),
    ("pounds", Lex::CurrencyFamily(Family::Pound)),
    ("quid", Lex::CurrencyFamily(Family::Pound)),
    ("sterling", Lex::Currency("GBP")),
    ("yuan", Lex::CurrencyFamily(Family::Yuan)),
    ("renminbi", Lex::CurrencyFamily(Family::Yuan)),
    ("rmb", Lex::CurrencyFamily(Family::Yuan)),
    ("yen", Lex::CurrencyFamily(Family::Yen)),
    ("ruble", Lex::CurrencyFamily(Family::Ruble)),
    ("rubles", Lex::CurrencyFamily(Family::Ruble)),
    ("rouble", Lex::CurrencyFamily(Family::Ruble)),
    ("roubles", Lex::CurrencyFamily(Family::Ruble)),
    ("rupee", Lex::CurrencyFamily(Family::Rupee)),
    ("rupees", Lex::CurrencyFamily(Family::Rupee)),
    ("ringgit", Lex::CurrencyFamily(Family::Ringgit)),
    ("ringgits", Lex::CurrencyFamily(Family::Ringgit)),
    ("riyal", Lex::CurrencyFamily(Family::Riyal)),
    ("riyals", Lex::CurrencyFamily(Family::Riyal)),
    ("rial", Lex::CurrencyFamily(Family::Riyal)),
    ("rials", Lex::CurrencyFamily(Family::Riyal)),
    ("dinar", Lex::CurrencyFamily(Family::Dinar)),
    ("dinars", Lex::CurrencyFamily(Family::Dinar)),
    ("franc", Lex::CurrencyFamily(Family::Franc)),
    ("francs", Lex::CurrencyFamily(Family::Franc)),
    ("peso", Lex::CurrencyFamily(Family::Peso)),
    ("pesos", Lex::CurrencyFamily(Family::Peso)),
    ("krone", Lex::CurrencyFamily(Family::Krone)),
    ("kroner", Lex::CurrencyFamily(Family::Krone)),
    ("kroners", Lex::CurrencyFamily(Family::Krone)),
    ("krona", Lex::Currency("SEK")),
    ("kronor", Lex::Currency("SEK")),
    ("shekel", Lex::Currency("ILS")),
    ("shekels", Lex::Currency("ILS")),
    ("sheqel", Lex::Currency("ILS")),
    ("sheqels", Lex::Currency("ILS")),
    ("tugrik", Lex::Currency("MNT")),
    ("tugriks", Lex::Currency("MNT")),
    ("tughrik", Lex::Currency("MNT")),
    ("tughriks", Lex::Currency("MNT")),
    ("hryvnia", Lex::Currency("UAH")),
    ("hryvnias", Lex::Currency("UAH")),
    ("hryvnas", Lex::Currency("UAH")),
    ("tenge", Lex::Currency("KZT")),
    ("zloty", Lex::Currency("PLN")),
    ("zlotys", Lex::Currency("PLN")),
    ("zloties", Lex::Currency("PLN")),
    ("forint", Lex::Currency("HUF")),
    ("forints", Lex::Currency("HUF")),
    ("baht", Lex::Currency("THB")),
    ("naira", Lex::Currency("NGN")),
    ("rupiah", Lex::Currency("IDR")),
    ("lev", Lex::Currency("BGN")),
    ("leva", Lex::Currency("BGN")),
    ("lira", Lex::Currency("TRY")),
    ("liras", Lex::Currency("TRY")),
    ("reais", Lex::Currency("BRL")),
    ("rand", Lex::Currency("ZAR")),
    ("dirham", Lex::Currency("AED")),
    ("dirhams", Lex::Currency("AED")),
    ("egyptianpound", Lex::Currency("EGP")),
    ("egyptianpounds", Lex::Currency("EGP")),
    ("saudiriyal", Lex::Currency("SAR")),
    ("saudiriyals", Lex::Currency("SAR")),
    ("cent", Lex::MinorUnit),
    ("cents", Lex::MinorUnit),
    ("c", Lex::MinorUnit),
    ("pence", Lex::MinorUnit),
    ("p", Lex::MinorUnit),
    ("sen", Lex::MinorUnit),
    ("sens", Lex::MinorUnit),
    ("kopeck", Lex::MinorUnit),
    ("kopecks", Lex::MinorUnit),
    ("kopek", Lex::MinorUnit),
    ("kopeks", Lex::MinorUnit),
    ("kopiyka", Lex::MinorUnit),
    ("kopiykas", Lex::MinorUnit),
    ("kopiyok", Lex::MinorUnit),
    ("paise", Lex::MinorUnit),
    ("centimes", Lex::MinorUnit),
    ("us", Lex::CurrencyAdjective(US)),
    ("american", Lex::CurrencyAdjective(US)),
    ("canadian", Lex::CurrencyAdjective(CANADIAN)),
    ("australian", Lex::CurrencyAdjective(AUSTRALIAN)),
    ("singapore", Lex::CurrencyAdjective(SINGAPORE)),
    ("singaporean", Lex::CurrencyAdjective(SINGAPORE)),
    ("british", Lex::CurrencyAdjective(BRITISH)),
    ("egyptian", Lex::CurrencyAdjective(EGYPTIAN)),
    ("egypt", Lex::CurrencyAdjective(EGYPTIAN)),
    ("lebanese", Lex::CurrencyAdjective(LEBANESE)),
    ("lebanon", Lex::CurrencyAdjective(LEBANESE)),
    ("belarusian", Lex::CurrencyAdjective(BELARUSIAN)),
    ("belarusan", Lex::CurrencyAdjective(BELARUSIAN)),
    ("belarus", Lex::CurrencyAdjective(BELARUSIAN)),
    ("russian", Lex::CurrencyAdjective(RUSSIAN)),
    ("indian", Lex::CurrencyAdjective(INDIAN)),
    ("pakistani", Lex::CurrencyAdjective(PAKISTANI)),
    ("saudi", Lex::CurrencyAdjective(SAUDI)),
    ("qatari", Lex::CurrencyAdjective(QATARI)),
    ("qatar", Lex::CurrencyAdjective(QATARI)),
    ("kuwaiti", Lex::CurrencyAdjective(KUWAITI)),
    ("kuwait", Lex::CurrencyAdjective(KUWAITI)),
    ("swiss", Lex::CurrencyAdjective(SWISS)),
    ("mexican", Lex::CurrencyAdjective(MEXICAN)),
    ("philippine", Lex::CurrencyAdjective(PHILIPPINE)),
    ("argentine", Lex::CurrencyAdjective(ARGENTINE)),
    ("argentinian", Lex::CurrencyAdjective(ARGENTINE)),
    ("norwegian", Lex::CurrencyAdjective(NORWEGIAN)),
    ("danish", Lex::CurrencyAdjective(DANISH)),
    ("malaysian", Lex::CurrencyAdjective(MALAYSIAN)),
    ("malaysia", Lex::CurrencyAdjective(MALAYSIAN)),
    ("chinese", Lex::CurrencyAdjective(CHINESE)),
    ("japanese", Lex::CurrencyAdjective(JAPANESE)),
    ("nz", Lex::CurrencyAdjective(NEW_ZEALAND)),
    ("rs", Lex::CurrencyPrefix("INR")),
    ("inr", Lex::CurrencyPrefix("INR")),
    ("rm", Lex::CurrencyPrefix("MYR")),
    ("rbl", Lex::CurrencyPrefix("RUB")),
    ("rbls", Lex::CurrencyPrefix("RUB")),
    ("myr", Lex::CurrencyPrefix("MYR")),
    ("the", Lex::The),
    ("a", Lex::Article),
    ("an", Lex::Article),
    ("minus", Lex::Minus),
    ("negative", Lex::Minus),
    ("point", Lex::Point),
    ("half", Lex::Half),
    ("dozen", Lex::Dozen),
    ("dozens", Lex::Dozen),
    ("quarter", Lex::Quarter),
    ("quarters", Lex::Quarter),
    ("couple", Lex::Couple),
    ("pair", Lex::Couple),
    ("few", Lex::Few),
];

impl Adjective {
    /// The currency this adjective picks in `family`.
    pub fn currency(self, family: Family) -> Option<&'static str> {
        self.0
            .iter()
            .find(|(known, _)| *known == family)
            .map(|(_, code)| *code)
    }
}

/// The default currency of a family when no adjective names the country.
pub(crate) fn family_default(family: Family) -> Option<&'static str> {
    match family {
        Family::Dollar => Some("USD"),
        Family::Pound => Some("GBP"),
        Family::Ruble => Some("RUB"),
        Family::Rupee => Some("INR"),
        Family::Riyal => Some("SAR"),
        Family::Dinar => None,
        Family::Franc => Some("CHF"),
        Family::Peso => Some("MXN"),
        Family::Krone => Some("NOK"),
        Family::Ringgit => Some("MYR"),
        Family::Yuan => Some("CNY"),
        Family::Yen => Some("JPY"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_words_digits_and_symbols() {
        let scan = Scan::new("US$1.5bn, 20 Января");
        let kinds: Vec<Kind> = scan.tokens.iter().map(|token| token.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Word,
                Kind::Symbol('$'),
                Kind::Digits,
                Kind::Symbol('.'),
                Kind::Digits,
                Kind::Word,
                Kind::Symbol(','),
                Kind::Digits,
                Kind::Word,
            ]
        );
        assert_eq!(scan.str(5), "bn");
        assert_eq!(scan.lex(5), Lex::ScaleAbbreviation(1e9));
        assert!(scan.tokens[7].spaced && !scan.tokens[1].spaced);
    }

    #[test]
    fn addresses_are_opaque() {
        let scan = Scan::new("see https://example.org/2019/07 or mail a1@b2.com now");
        let opaque = scan
            .tokens
            .iter()
            .filter(|token| token.kind == Kind::Opaque)
            .count();
        assert_eq!(opaque, 2);
        assert!(!scan.tokens.iter().any(|token| token.kind == Kind::Digits));
    }

    #[test]
    fn compound_ordinals_are_read() {
        assert_eq!(classify("twentyfifth").0, Lex::Ordinal(25));
        assert_eq!(classify("Ninetieth").0, Lex::Ordinal(90));
        assert_eq!(classify("twentyish").0, Lex::Other);
        assert_eq!(classify("Chapter"), (Lex::Other, LABEL));
        assert!(matches!(classify("In"), (Lex::Hedge(_), YEAR_CONTEXT)));
    }
}

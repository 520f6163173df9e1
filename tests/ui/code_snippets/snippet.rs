use std::collections::HashMap;

/// Counts words; /* nested /* comments */ still */ close once.
#[derive(Debug, Default)]
pub struct Counter<'a> {
    counts: HashMap<&'a str, usize>,
}

impl<'a> Counter<'a> {
    pub fn add(&mut self, text: &'a str) -> usize {
        for word in text.split_whitespace() {
            *self.counts.entry(word).or_insert(0) += 1;
        }
        let sep = '\n';
        let raw = r#"a "quoted" fn"#;
        println!("{} {:?} {}", self.counts.len(), sep, raw);
        self.counts.len() * 2_u64 as usize
    }
}

/* outer /* inner */ still outer */
fn main() {}

//! Prints a compact outline of parsed documents, one line per node (a
//! debugging aid): `cargo run --example outline -- FILE…`.
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let parsed = handelingen::parse(&text);
        println!(
            "== {path} {:?} transcript={}",
            parsed.document.layout, parsed.document.is_transcript
        );
        for n in &parsed.document.nodes {
            match &n.kind {
                handelingen::NodeKind::Speech(s) => {
                    println!(
                        "SPEECH {:?} {} {:?} [{}]",
                        s.speaker.role(),
                        s.speaker.name(),
                        s.speaker.party(),
                        s.speaker.label()
                    );
                    for b in &s.content {
                        match b {
                            handelingen::Block::Paragraph(p) => {
                                let t: String = p.text.chars().take(100).collect();
                                println!(
                                    "   P {t}{}",
                                    if p.interruption.is_some() {
                                        "  <<INT>>"
                                    } else {
                                        ""
                                    }
                                );
                            }
                            handelingen::Block::Motion { motion: m } => println!(
                                "   MOTION {:?} subm={:?} sec={} c={} d={}",
                                m.kamerstuk,
                                m.submitters
                                    .iter()
                                    .map(|s| s.name.as_str())
                                    .collect::<Vec<_>>(),
                                m.seconded,
                                m.considerations.len(),
                                m.dicta.len()
                            ),
                            handelingen::Block::PageFurniture(f) => {
                                println!("   FURN {:?}", f.kind)
                            }
                            _ => {}
                        }
                    }
                }
                other => {
                    let s = format!("{} {other:?}", n.id);
                    println!("{}", s.chars().take(160).collect::<String>());
                }
            }
        }
        for d in &parsed.diagnostics {
            println!("DIAG {}:{} {:?} {}", d.line, d.column, d.kind, d.message);
        }
    }
}

//! The order in which a long article's body is rendered: the first screen before the
//! first paint, the rest in chunks after it, at a pace that follows how quickly paints come.

/// How many blocks are rendered before the first paint: more than a first screen on any
/// device (sixteen blocks are at least sixteen lines, below a header that fills half a
/// first screen), so that a reader never sees the article end and then grow. Each block
/// more lengthens the first render: at 4× CPU throttling, 24 blocks made it a long task.
pub const FIRST_PAINT_BLOCKS: usize = 16;
/// How many blocks each later rendering chunk holds at most. At 4× CPU throttling twenty
/// of the benchmark's paragraphs made tasks of 45 to 70 ms, over the 50 ms that makes a
/// task long; ten stay under it. A fast device shows several chunks after one paint
/// ([`ChunkPace`]), so it finishes no later (docs/performance.md).
pub const CHUNK_BLOCKS: usize = 10;

/// How many rendering chunks an article's published page holds whole: up to 96 blocks,
/// more than most news stories have. A longer article's page holds its first chunk and a
/// link to a page of the whole article, so that the app's takeover never lays out a long
/// article in one task, and the page itself stays quick to parse (docs/publishing.md).
pub const WHOLE_PAGE_MAX_CHUNKS: usize = 9;

/// How much of an article its published page holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublishedExtent {
    /// The whole article.
    Whole,
    /// The first chunk (the first screen and more), then a link to the whole article.
    Opening,
}

/// How much of an article with these sections its published page holds.
pub fn published_extent(sections: &[crate::model::article::Section]) -> PublishedExtent {
    if rendering_chunks(sections).len() > WHOLE_PAGE_MAX_CHUNKS {
        PublishedExtent::Opening
    } else {
        PublishedExtent::Whole
    }
}

/// The part of one section rendered in one chunk: the blocks `blocks` of section `section`.
/// The part that starts a section also renders its heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionPart {
    /// The section's index in the article.
    pub section: usize,
    /// The indices of its blocks in this part.
    pub blocks: std::ops::Range<usize>,
}

/// Splits the body into consecutive chunks for rendering. The first chunk holds the first
/// [`FIRST_PAINT_BLOCKS`] blocks and is rendered before the first paint; for most articles
/// that is the whole article. Each later chunk holds the next [`CHUNK_BLOCKS`] blocks and
/// is rendered after the previous one has been painted, so that a very long article never
/// blocks the page for long. A long section is split between chunks; every section has a
/// part, even one without blocks, so that its heading is rendered.
pub fn rendering_chunks(sections: &[crate::model::article::Section]) -> Vec<Vec<SectionPart>> {
    chunks_of(sections, FIRST_PAINT_BLOCKS, CHUNK_BLOCKS)
}

/// How many blocks each chunk holds while the app renders a whole published page out of
/// sight ([`takeover_rendering_chunks`]). At 4× CPU throttling sixteen blocks made a task
/// of 46 to 80 ms there, most of it the browser compiling code on its first call.
pub const TAKEOVER_CHUNK_BLOCKS: usize = 6;

/// The chunks for taking over a published page that holds the whole article: nothing is
/// on screen to hurry (the static page is), so every chunk is small, and each comes in a
/// task of its own. A page that holds only the opening keeps [`rendering_chunks`], whose
/// first chunk is what the page holds.
pub fn takeover_rendering_chunks(sections: &[crate::model::article::Section]) -> Vec<Vec<SectionPart>> {
    chunks_of(sections, TAKEOVER_CHUNK_BLOCKS, TAKEOVER_CHUNK_BLOCKS)
}

/// Consecutive chunks: `first_chunk_blocks` blocks, then `later_chunk_blocks` in each.
fn chunks_of(
    sections: &[crate::model::article::Section],
    first_chunk_blocks: usize,
    later_chunk_blocks: usize,
) -> Vec<Vec<SectionPart>> {
    let mut chunks: Vec<Vec<SectionPart>> = Vec::new();
    let mut chunk: Vec<SectionPart> = Vec::new();
    let mut room = first_chunk_blocks.max(1);
    for (section, content) in sections.iter().enumerate() {
        let n_blocks = content.blocks.len();
        let mut next_block = 0;
        loop {
            let end = n_blocks.min(next_block + room);
            chunk.push(SectionPart {
                section,
                blocks: next_block..end,
            });
            room -= end - next_block;
            next_block = end;
            if room == 0 {
                chunks.push(std::mem::take(&mut chunk));
                room = later_chunk_blocks.max(1);
            }
            if next_block == n_blocks {
                break;
            }
        }
    }
    if !chunk.is_empty() {
        chunks.push(chunk);
    }
    chunks
}

/// How many rendering chunks are shown after each paint: one at first, more while paints
/// follow each other quickly, fewer when they do not. A fast device thus finishes a long
/// article in a fraction of the paints, and a slow one still gets one small task per
/// paint. Measured on the 5,000-paragraph benchmark article, against one chunk per paint:
/// the last block painted after 0.9 s instead of 4.3 s at full speed, and after 7 s
/// instead of 11.5 s at 4× CPU throttling, with fewer long tasks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChunkPace {
    chunks_per_paint: usize,
    /// When the previous batch was shown, in milliseconds.
    previous_batch_ms: f64,
}

impl ChunkPace {
    /// The most chunks shown after one paint: 160 blocks, as many as eight chunks of
    /// twenty were before chunks became ten blocks (decision 020), so that a fast device
    /// finishes a long article as soon as it did.
    pub const MAX_CHUNKS_PER_PAINT: usize = 16;
    /// Batches this close together left the browser time to spare: show more.
    pub const QUICK_MS: f64 = 24.0;
    /// Batches this far apart made long frames: show fewer.
    pub const SLOW_MS: f64 = 40.0;

    /// One chunk per paint, counting from `now_ms`.
    pub fn start(now_ms: f64) -> ChunkPace {
        ChunkPace {
            chunks_per_paint: 1,
            previous_batch_ms: now_ms,
        }
    }

    /// How many chunks to show in this batch.
    pub fn chunks_per_paint(self) -> usize {
        self.chunks_per_paint
    }

    /// The pace for the batch shown at `now_ms`, from the time since the previous batch.
    pub fn next(self, now_ms: f64) -> ChunkPace {
        let since_previous_ms = now_ms - self.previous_batch_ms;
        let chunks_per_paint = if since_previous_ms < Self::QUICK_MS {
            (self.chunks_per_paint * 2).min(Self::MAX_CHUNKS_PER_PAINT)
        } else if since_previous_ms > Self::SLOW_MS {
            (self.chunks_per_paint / 2).max(1)
        } else {
            self.chunks_per_paint
        };
        ChunkPace {
            chunks_per_paint,
            previous_batch_ms: now_ms,
        }
    }
}

/// The same chunks for a compact widget: the first section, then everything else, which
/// is rendered only when the reader asks for it.
pub fn compact_rendering_chunks(sections: &[crate::model::article::Section]) -> Vec<Vec<SectionPart>> {
    let whole = |section: usize| SectionPart {
        section,
        blocks: 0..sections[section].blocks.len(),
    };
    let mut chunks = Vec::new();
    if !sections.is_empty() {
        chunks.push(vec![whole(0)]);
    }
    if sections.len() > 1 {
        chunks.push((1..sections.len()).map(whole).collect());
    }
    chunks
}

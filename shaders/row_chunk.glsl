// Rows of quantised weights read front to back by each invocation of a CPU-device kernel
// (matvec_cpu.comp, matmul_cpu.comp), in chunks of whole units held as words in registers.
// Why: each lane loads its own row's bytes in uvec4s and decodes them from registers at byte
// positions that are constants after unrolling. The weights are a texel buffer of uvec4 texels
// (binding 0, vk::PipelineDesc::texel_bindings): lavapipe (Mesa 22.3) fetches texels for all
// lanes with vector gathers, while a storage-buffer load is a loop over the lanes with a bounds
// check and a branch per lane and component (~35 instructions per lane and uvec4).
//
// A row is read in chunks of CHUNK_BLOCKS whole units (dequant.glsl's blocks; 4 weights of the
// float types). Where ALIGNMENT (below) is 16 every chunk starts on a uvec4; otherwise it starts
// s bytes into one (s differs between rows: 34- and 210-byte blocks do not keep rows 16-byte
// aligned), and a lane loads the uvec4s covering it and shifts the words down by s bytes with
// selects (and funnel shifts where s is odd in 16-bit words: ALIGNMENT 2), as little as
// ALIGNMENT allows. The host binds whole uvec4s (kernels::whole_uvec4_binding); loads past the
// binding's end are clamped to its last uvec4 (they feed only bytes past the matrix).
//
// The includer declares dequant.glsl's TYPE_* define, the ROW_ALIGNMENT specialisation constant
// (the largest of 16, 8, 4, 2 that divides row_bytes and weight_offset), ROWS (rows per lane),
// and binds the weights at binding 0 as a texel buffer (below).

layout(binding = 0) uniform usamplerBuffer weights;

// The unit a row is read and decoded in: a block of the quantised types; four columns (one vec4 of x) of
// the float types, whose blocks are single weights (rows are multiples of 4 columns).
#if defined(TYPE_F32) || defined(TYPE_F16)
const uint UNIT_COLS = 4u;
const uint UNIT_BYTES = 4u * BLOCK_BYTES;
#else
const uint UNIT_COLS = QK;
const uint UNIT_BYTES = BLOCK_BYTES;
#endif
// Chunks of 4 blocks: 8 were 14-20 % slower for 4096 columns and 33-40 % for 896 (qwen2's
// rows: 28 blocks, the last chunk of 8 half past the row's end), 2 no faster (BENCHMARKS.md).
#if defined(TYPE_Q8_0) || defined(TYPE_Q5_0) || defined(TYPE_Q4_0)
const uint CHUNK_BLOCKS = 4u;  // 136 / 88 / 72 bytes, 128 columns
#elif defined(TYPE_F32)
const uint CHUNK_BLOCKS = 8u;  // 128 bytes, 32 columns
#elif defined(TYPE_F16)
const uint CHUNK_BLOCKS = 16u;  // 128 bytes, 64 columns
#elif defined(TYPE_Q4_K) || defined(TYPE_Q5_K) || defined(TYPE_Q6_K)
const uint CHUNK_BLOCKS = 1u;
#else
#error "row_chunk.glsl: no word decoder for this type"
#endif
const uint CHUNK_BYTES = CHUNK_BLOCKS * UNIT_BYTES;
const uint CHUNK_COLS = CHUNK_BLOCKS * UNIT_COLS;
const uint CHUNK_WORDS = (CHUNK_BYTES + 3u) / 4u;
// The chunk may start up to 15 bytes into its first uvec4.
const uint LOADED_WORDS = 4u * ((CHUNK_BYTES + 15u) / 16u + 1u);

// What every chunk's start is a multiple of: the rows' alignment, unless the chunk's own size
// breaks it (Q6_K's 210 bytes: a row's second block starts 2 bytes past a 4-byte boundary).
const uint CHUNK_ALIGNMENT = CHUNK_BYTES & (0u - CHUNK_BYTES);  // the lowest set bit
const uint ALIGNMENT = ROW_ALIGNMENT < CHUNK_ALIGNMENT ? ROW_ALIGNMENT : CHUNK_ALIGNMENT;

// The current chunk of each of this lane's rows as little-endian words: byte i of row r's chunk
// is byte i % 4 of chunk[r][i / 4]. Whole uvec4s, so that u32_at may name the word after the last.
uint chunk[ROWS][4u * ((CHUNK_WORDS + 4u) / 4u)];

// Word q of (a, b, c, d), q = 2·(two_words & 1) + (one_word & 1), without a branch:
// a ^ ((a ^ b) & m) picks b where the mask m is all ones.
uint word_q(uint a, uint b, uint c, uint d, uint one_word, uint two_words) {
  const uint ab = a ^ ((a ^ b) & one_word);
  const uint cd = c ^ ((c ^ d) & one_word);
  return ab ^ ((ab ^ cd) & two_words);
}

// Fills chunk[r] with the CHUNK_BYTES bytes at byte `offset` of the binding, where one_word is
// all ones if offset's word index is odd, else 0: computed from offset by load_chunk, or a
// constant where the includer knows it for every lane (then the selects on it fold away).
void load_chunk_at(uint r, uint offset, uint one_word) {
  const uint first = offset >> 4;
  const uint last = uint(textureSize(weights)) - 1u;
  if (ALIGNMENT == 16u) {
    [[unroll]] for (uint v = 0u; v < (CHUNK_WORDS + 3u) / 4u; ++v) {
      const uvec4 t = texelFetch(weights, int(min(first + v, last)));
      chunk[r][4u * v] = t.x;
      chunk[r][4u * v + 1u] = t.y;
      chunk[r][4u * v + 2u] = t.z;
      chunk[r][4u * v + 3u] = t.w;
    }
    return;
  }
  uint w[LOADED_WORDS];
  [[unroll]] for (uint v = 0u; v < LOADED_WORDS / 4u; ++v) {
    const uvec4 t = texelFetch(weights, int(min(first + v, last)));
    w[4u * v] = t.x;
    w[4u * v + 1u] = t.y;
    w[4u * v + 2u] = t.z;
    w[4u * v + 3u] = t.w;
  }
  // offset % 16 = 4q + r: drop q words, then r bytes (q ∈ {0, 2} and r = 0 where ALIGNMENT
  // is 8; r = 0 where it is 4).
  const uint two_words = 0u - ((offset >> 3) & 1u);
  const uint r_bits = 8u * (offset & 3u);
  [[unroll]] for (uint k = 0u; k < CHUNK_WORDS; ++k) {
    if (ALIGNMENT == 8u) {
      chunk[r][k] = w[k] ^ ((w[k] ^ w[k + 2u]) & two_words);
    } else if (ALIGNMENT == 4u) {
      chunk[r][k] = word_q(w[k], w[k + 1u], w[k + 2u], w[k + 3u], one_word, two_words);
    } else {
      const uint lo = word_q(w[k], w[k + 1u], w[k + 2u], w[k + 3u], one_word, two_words);
      const uint hi = word_q(w[k + 1u], w[k + 2u], w[k + 3u], w[k + 4u], one_word, two_words);
      // (lo >> r) | (hi << (32 − r)), written so that r = 0 shifts hi out entirely.
      chunk[r][k] = (lo >> r_bits) | ((hi << (24u - r_bits)) << 8u);
    }
  }
}

void load_chunk(uint r, uint offset) { load_chunk_at(r, offset, 0u - ((offset >> 2) & 1u)); }

// Bytes of row r's chunk at a constant byte position i (the loops below are unrolled, so these
// fold to fixed shifts of fixed words).
uint u32_at(uint r, uint i) {  // i % 2 == 0
  return (i & 2u) == 0u ? chunk[r][i >> 2]
                        : (chunk[r][i >> 2] >> 16) | (chunk[r][(i >> 2) + 1u] << 16);
}
uint u8_at(uint r, uint i) { return (chunk[r][i >> 2] >> (8u * (i & 3u))) & 0xFFu; }
// The signed bytes i .. i + 3 as floats, each taken from the word that holds it (no word
// assembled first where i is not a multiple of 4: Q8_0's weights start 2 bytes into the block).
vec4 signed_bytes_at(uint r, uint i) {
  return vec4(float(bitfieldExtract(int(chunk[r][i >> 2]), int(8u * (i & 3u)), 8)),
              float(bitfieldExtract(int(chunk[r][(i + 1u) >> 2]), int(8u * ((i + 1u) & 3u)), 8)),
              float(bitfieldExtract(int(chunk[r][(i + 2u) >> 2]), int(8u * ((i + 2u) & 3u)), 8)),
              float(bitfieldExtract(int(chunk[r][(i + 3u) >> 2]), int(8u * ((i + 3u) & 3u)), 8)));
}
float f16_at(uint r, uint i) { return unpackHalf2x16(chunk[r][i >> 2] >> (8u * (i & 2u))).x; }

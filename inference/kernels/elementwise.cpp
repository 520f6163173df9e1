#include "kernels/elementwise.h"

#include <fmt/format.h>

#include "common/error.h"
#include "kernels/ops_dispatch.h"

namespace sikao::kernels {
namespace {

// Threads per workgroup: elementwise.comp's constant_id 0 (WORKGROUP_SIZE = local_size_x).
constexpr uint32_t k_workgroup_size = 256;

// b_floats: how many floats b holds (n_b, or for the row-gated op one per row).
void elementwise(const char* shader, vk::Context& ctx, vk::Sequence& seq, vk::BufferView a,
                 vk::BufferView b, vk::BufferView out, uint32_t n, uint32_t n_b,
                 uint64_t b_floats) {
  if (n == 0 || n_b == 0 || n_b > n) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{}: n = {}, n_b = {} (need 1 <= n_b <= n)", shader, n, n_b));
  }
  require_floats(shader, "a", a, n);
  require_floats(shader, "b", b, b_floats);
  require_floats(shader, "out", out, n);
  const uint32_t groups = (n + k_workgroup_size - 1) / k_workgroup_size;
  const auto& pipeline = ctx.pipeline({shader, {k_workgroup_size}, 3, sizeof(ElementwisePush)});
  seq.dispatch(pipeline, {a, b, out}, ElementwisePush{n, n_b}, groups);
}

} // namespace

void add(vk::Context& ctx, vk::Sequence& seq, vk::BufferView a, vk::BufferView b,
         vk::BufferView out, uint32_t n, uint32_t n_b) {
  elementwise("add", ctx, seq, a, b, out, n, n_b, n_b);
}

void mul(vk::Context& ctx, vk::Sequence& seq, vk::BufferView a, vk::BufferView b,
         vk::BufferView out, uint32_t n, uint32_t n_b) {
  elementwise("mul", ctx, seq, a, b, out, n, n_b, n_b);
}

void mul_sigmoid(vk::Context& ctx, vk::Sequence& seq, vk::BufferView a, vk::BufferView b,
                 vk::BufferView out, uint32_t n, uint32_t n_b) {
  elementwise("mul_sigmoid", ctx, seq, a, b, out, n, n_b, n_b);
}

void mul_sigmoid_rows(vk::Context& ctx, vk::Sequence& seq, vk::BufferView a, vk::BufferView gates,
                      vk::BufferView out, uint32_t rows, uint32_t row_length) {
  const uint64_t n = uint64_t(rows) * row_length;
  if (n > UINT32_MAX) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("mul_sigmoid_rows: {} rows of {} is too many", rows, row_length));
  }
  elementwise("mul_sigmoid_rows", ctx, seq, a, gates, out, static_cast<uint32_t>(n), row_length,
              rows);
}

} // namespace sikao::kernels

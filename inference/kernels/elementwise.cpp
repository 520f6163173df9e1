#include "kernels/elementwise.h"

#include <fmt/format.h>

#include "common/error.h"

namespace sikao::kernels {
namespace {

// Threads per workgroup: elementwise.comp's constant_id 0 (WORKGROUP_SIZE = local_size_x).
constexpr uint32_t k_workgroup_size = 256;

void elementwise(const char* shader, vk::Context& ctx, vk::Sequence& seq, vk::BufferView a,
                 vk::BufferView b, vk::BufferView out, uint32_t n, uint32_t n_b) {
  if (n == 0 || n_b == 0 || n_b > n) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{}: n = {}, n_b = {} (need 1 <= n_b <= n)", shader, n, n_b));
  }
  const struct {
    const char* name;
    vk::BufferView view;
    uint64_t floats;
  } operands[] = {{"a", a, n}, {"b", b, n_b}, {"out", out, n}};
  for (const auto& op : operands) {
    if (op.view.resolved_size() < op.floats * sizeof(float)) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("{}: {} holds {} bytes, needs {} floats", shader, op.name,
                              op.view.resolved_size(), op.floats));
    }
  }
  const uint32_t groups = (n + k_workgroup_size - 1) / k_workgroup_size;
  const auto& pipeline = ctx.pipeline({shader, {k_workgroup_size}, 3, sizeof(ElementwisePush)});
  seq.dispatch(pipeline, {a, b, out}, ElementwisePush{n, n_b}, groups);
}

} // namespace

void add(vk::Context& ctx, vk::Sequence& seq, vk::BufferView a, vk::BufferView b,
         vk::BufferView out, uint32_t n, uint32_t n_b) {
  elementwise("add", ctx, seq, a, b, out, n, n_b);
}

void mul(vk::Context& ctx, vk::Sequence& seq, vk::BufferView a, vk::BufferView b,
         vk::BufferView out, uint32_t n, uint32_t n_b) {
  elementwise("mul", ctx, seq, a, b, out, n, n_b);
}

void mul_sigmoid(vk::Context& ctx, vk::Sequence& seq, vk::BufferView a, vk::BufferView b,
                 vk::BufferView out, uint32_t n, uint32_t n_b) {
  elementwise("mul_sigmoid", ctx, seq, a, b, out, n, n_b);
}

} // namespace sikao::kernels

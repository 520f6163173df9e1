// Workgroup-wide sum and maximum of one float per invocation, for the row kernels (RMSNorm,
// softmax, attention). Every invocation of the workgroup must call them (they contain barriers)
// and every invocation gets the result.
//
// The including shader declares WORKGROUP_SIZE (constant_id 0, a power of two) first, and enables
// GL_KHR_shader_subgroup_arithmetic when it defines USE_SUBGROUP: with subgroups each subgroup
// reduces in registers and the per-subgroup partials meet in shared memory (gl_NumSubgroups of
// them, whatever the device's subgroup size); without, a shared-memory tree halves the live
// values each step.

#ifdef USE_SUBGROUP

shared float reduce_partials[WORKGROUP_SIZE];

float workgroup_sum(float value) {
  value = subgroupAdd(value);
  if (subgroupElect()) {
    reduce_partials[gl_SubgroupID] = value;
  }
  barrier();
  float total = 0.0;
  for (uint i = 0; i < gl_NumSubgroups; ++i) {
    total += reduce_partials[i];
  }
  barrier();  // reduce_partials: these reads before the next call's writes
  return total;
}

float workgroup_max(float value) {
  value = subgroupMax(value);
  if (subgroupElect()) {
    reduce_partials[gl_SubgroupID] = value;
  }
  barrier();
  float result = reduce_partials[0];
  for (uint i = 1; i < gl_NumSubgroups; ++i) {
    result = max(result, reduce_partials[i]);
  }
  barrier();  // reduce_partials: these reads before the next call's writes
  return result;
}

#else

shared float reduce_scratch[WORKGROUP_SIZE];

float workgroup_sum(float value) {
  const uint tid = gl_LocalInvocationIndex;
  reduce_scratch[tid] = value;
  barrier();
  for (uint stride = WORKGROUP_SIZE / 2; stride > 0; stride >>= 1) {
    if (tid < stride) {
      reduce_scratch[tid] += reduce_scratch[tid + stride];
    }
    barrier();
  }
  const float total = reduce_scratch[0];
  barrier();  // reduce_scratch: this read before the next call's writes
  return total;
}

float workgroup_max(float value) {
  const uint tid = gl_LocalInvocationIndex;
  reduce_scratch[tid] = value;
  barrier();
  for (uint stride = WORKGROUP_SIZE / 2; stride > 0; stride >>= 1) {
    if (tid < stride) {
      reduce_scratch[tid] = max(reduce_scratch[tid], reduce_scratch[tid + stride]);
    }
    barrier();
  }
  const float result = reduce_scratch[0];
  barrier();  // reduce_scratch: this read before the next call's writes
  return result;
}

#endif

// Row or item index of a workgroup in a grid that the host split into x * y workgroups because
// one dimension is limited (maxComputeWorkGroupCount, 65535 guaranteed).
uint linear_workgroup_id() {
  return gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x;
}

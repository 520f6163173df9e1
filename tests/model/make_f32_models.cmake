# Regenerates llama-spm-tiny-F32, qwen2-gpt2vocab-tiny-F32 and llama-spm-tiny-tied-F32 (see
# ../shared/reference/README.md) unless they are already there.
set(tool ${SHARED}/tools/make_random_gguf.py)
file(MAKE_DIRECTORY ${OUT})
# name | vocabulary | sha256 from the reference README
foreach(entry
    "llama-spm-tiny|ggml-vocab-llama-spm|e8f243319ba97302ba1921f2f36135db524868e18f67117a7c92253174a1ca17"
    "qwen2-gpt2vocab-tiny|ggml-vocab-gpt-2|f2bd003b45d196f2b96d7d28a1b8890c1f535944c5c77e232705aeb4a8dc34e8"
    "llama-spm-tiny-tied|ggml-vocab-llama-spm|c7fd1ed0a3802ccb7b984b37150df6a8f390ac57a2d36e72a81827b5b1736b7d")
  string(REPLACE "|" ";" parts ${entry})
  list(GET parts 0 name)
  list(GET parts 1 vocab)
  list(GET parts 2 expected_sha256)
  set(out_file ${OUT}/${name}-F32.gguf)
  if(NOT EXISTS ${out_file})
    execute_process(
      COMMAND /usr/bin/python3 ${tool} make ${name} ${out_file}.tmp --vocab ${SHARED}/vocab/${vocab}.gguf
      RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      file(REMOVE ${out_file}.tmp)
      message(FATAL_ERROR "make_random_gguf.py ${name} failed (${rc})")
    endif()
    file(SHA256 ${out_file}.tmp sha256)
    if(NOT sha256 STREQUAL expected_sha256)
      file(REMOVE ${out_file}.tmp)
      message(FATAL_ERROR "${name}-F32.gguf regenerated with sha256 ${sha256}, expected ${expected_sha256}")
    endif()
    file(RENAME ${out_file}.tmp ${out_file})
  endif()
endforeach()

# Compiles GLSL compute shaders to SPIR-V with glslangValidator and embeds them in a static
# library. Each shader variant is one (source, name, defines) triple; an edited include rebuilds
# its users through the depfile, and a shader that fails to compile fails the build.
#
#   sikao_shader(VARIANTS_VAR SOURCE matvec.comp NAME matvec_q4_0 DEFINES TYPE_Q4_0)
#   sikao_embed_shaders(TARGET sikao_shaders VARIANTS ${VARIANTS_VAR})

function(sikao_shader out_var)
  cmake_parse_arguments(ARG "" "SOURCE;NAME" "DEFINES" ${ARGN})
  if(NOT ARG_NAME)
    get_filename_component(ARG_NAME ${ARG_SOURCE} NAME_WE)
  endif()
  set(src ${CMAKE_CURRENT_SOURCE_DIR}/${ARG_SOURCE})
  set(spv ${CMAKE_CURRENT_BINARY_DIR}/spv/${ARG_NAME}.spv)
  set(dep ${CMAKE_CURRENT_BINARY_DIR}/spv/${ARG_NAME}.d)
  set(define_flags "")
  foreach(d IN LISTS ARG_DEFINES)
    list(APPEND define_flags "-D${d}")
  endforeach()
  add_custom_command(
    OUTPUT ${spv}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/spv
    COMMAND ${GLSLANG_VALIDATOR} -V --target-env vulkan1.2 -S comp ${define_flags}
            -I${CMAKE_CURRENT_SOURCE_DIR} --depfile ${dep} -o ${spv} ${src}
    MAIN_DEPENDENCY ${src}
    DEPFILE ${dep}
    COMMENT "glslang ${ARG_NAME}"
    VERBATIM)
  set(${out_var} ${${out_var}} "${ARG_NAME}|${spv}" PARENT_SCOPE)
endfunction()

function(sikao_embed_shaders)
  cmake_parse_arguments(ARG "" "TARGET" "VARIANTS" ${ARGN})
  set(spvs "")
  set(names "")
  foreach(v IN LISTS ARG_VARIANTS)
    string(REPLACE "|" ";" parts "${v}")
    list(GET parts 0 name)
    list(GET parts 1 spv)
    list(APPEND spvs ${spv})
    list(APPEND names ${name})
  endforeach()
  set(gen ${CMAKE_CURRENT_BINARY_DIR}/embedded_shaders.cpp)
  add_custom_command(
    OUTPUT ${gen}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${gen} "-DNAMES=${names}" "-DFILES=${spvs}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedSpirv.cmake
    DEPENDS ${spvs} ${PROJECT_SOURCE_DIR}/cmake/EmbedSpirv.cmake
    COMMENT "Embedding SPIR-V shaders"
    VERBATIM)
  add_library(${ARG_TARGET} STATIC ${gen})
  target_include_directories(${ARG_TARGET} PUBLIC ${PROJECT_SOURCE_DIR}/shaders)
  set_target_properties(${ARG_TARGET} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

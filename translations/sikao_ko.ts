<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>AttachedTextCards</name>
    <message>
        <source>Pasted text</source>
        <translation>붙여 넣은 텍스트</translation>
    </message>
    <message>
        <source>%1 lines · %2 characters</source>
        <translation>%1줄 · %2자</translation>
    </message>
    <message>
        <source>Leave this text out of the message</source>
        <translation>이 텍스트를 메시지에서 빼기</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>답하기 전에 생각하기</translation>
    </message>
    <message>
        <source>Models whose template reads enable_thinking answer directly when this is off.</source>
        <translation>템플릿이 enable_thinking을 읽는 모델은 이 옵션이 꺼져 있으면 바로 답합니다.</translation>
    </message>
    <message>
        <source>Reasoning budget</source>
        <translation>추론 예산</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>무제한</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 토큰</translation>
    </message>
    <message>
        <source>Reasoning budget in tokens</source>
        <translation>추론 예산(토큰)</translation>
    </message>
    <message>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>메시지 (Enter로 보내기, Shift+Enter로 줄 바꿈)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>메시지 보내기</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop generating</source>
        <translation>생성 중지</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>시스템 프롬프트</translation>
    </message>
    <message>
        <source>System prompt ✓</source>
        <translation>시스템 프롬프트 ✓</translation>
    </message>
    <message>
        <source>Edit this chat&apos;s system prompt</source>
        <translation>이 채팅의 시스템 프롬프트 편집</translation>
    </message>
    <message>
        <source>Instructions the model follows in this chat. New chats start with the default from the settings.</source>
        <translation>이 채팅에서 모델이 따르는 지시입니다. 새 채팅은 설정의 기본값으로 시작합니다.</translation>
    </message>
    <message>
        <source>Instructions for the model in this chat (empty: none)</source>
        <translation>이 채팅에서 모델에 줄 지시(비우면 없음)</translation>
    </message>
    <message>
        <source>System prompt of this chat</source>
        <translation>이 채팅의 시스템 프롬프트</translation>
    </message>
    <message>
        <source>Stop when the context is full</source>
        <translation>컨텍스트가 가득 차면 멈추기</translation>
    </message>
    <message>
        <source>Off: when the chat outgrows the model&apos;s context, its oldest messages are left out of the model&apos;s view and the chat goes on.</source>
        <translation>끄면: 대화가 모델의 컨텍스트를 넘으면 가장 오래된 메시지가 모델의 시야에서 빠지고 대화가 계속됩니다.</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>추론 강도</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>낮음</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>High</source>
        <translation>높음</translation>
    </message>
    <message>
        <source>How long the model reasons before it answers.</source>
        <translation>모델이 답하기 전에 얼마나 오래 추론할지 정합니다.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>코드 복사</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The model file is not there any more. It may have been moved or deleted.</source>
        <translation>모델 파일이 더 이상 없습니다. 이동되었거나 삭제되었을 수 있습니다.</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it exists and that you may read it.</source>
        <translation>파일을 읽을 수 없습니다. 파일이 있는지, 읽기 권한이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>This is not a usable GGUF model file: it is damaged or incomplete.</source>
        <translation>사용할 수 있는 GGUF 모델 파일이 아닙니다. 손상되었거나 불완전합니다.</translation>
    </message>
    <message>
        <source>Sikao cannot run this kind of model (its architecture is not supported).</source>
        <translation>Sikao는 이 종류의 모델을 실행할 수 없습니다(아키텍처가 지원되지 않음).</translation>
    </message>
    <message>
        <source>Sikao cannot run this model&apos;s quantisation type.</source>
        <translation>Sikao는 이 모델의 양자화 형식을 실행할 수 없습니다.</translation>
    </message>
    <message>
        <source>Sikao cannot run this model: it uses something not supported yet.</source>
        <translation>Sikao는 이 모델을 실행할 수 없습니다. 아직 지원하지 않는 기능을 사용합니다.</translation>
    </message>
    <message>
        <source>No usable graphics device was found. Install a Vulkan driver for your GPU.</source>
        <translation>사용할 수 있는 그래픽 장치를 찾지 못했습니다. GPU용 Vulkan 드라이버를 설치하세요.</translation>
    </message>
    <message>
        <source>The graphics device stopped responding. Load the model again.</source>
        <translation>그래픽 장치가 응답하지 않습니다. 모델을 다시 불러오세요.</translation>
    </message>
    <message>
        <source>There is not enough memory for this model. Try a smaller model or a shorter context.</source>
        <translation>이 모델에 필요한 메모리가 부족합니다. 더 작은 모델이나 더 짧은 컨텍스트를 사용해 보세요.</translation>
    </message>
    <message>
        <source>The graphics device reported an error.</source>
        <translation>그래픽 장치에서 오류가 보고되었습니다.</translation>
    </message>
    <message>
        <source>The engine could not do what was asked.</source>
        <translation>엔진이 요청한 작업을 수행할 수 없습니다.</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>불러오기가 취소되었습니다.</translation>
    </message>
    <message>
        <source>The chat history could not be written.</source>
        <translation>채팅 기록을 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>The disk is full: the chat history could not be saved.</source>
        <translation>디스크가 가득 찼습니다. 채팅 기록을 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Another program is using the chat history. Try again in a moment.</source>
        <translation>다른 프로그램이 채팅 기록을 사용 중입니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The chat history database is damaged.</source>
        <translation>채팅 기록 데이터베이스가 손상되었습니다.</translation>
    </message>
    <message>
        <source>The chat history was written by a newer version of Sikao.</source>
        <translation>채팅 기록이 더 새로운 버전의 Sikao로 작성되었습니다.</translation>
    </message>
    <message>
        <source>This file is not a chat exported by Sikao.</source>
        <translation>이 파일은 Sikao에서 내보낸 채팅이 아닙니다.</translation>
    </message>
    <message>
        <source>That chat or message no longer exists.</source>
        <translation>해당 채팅이나 메시지가 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>Something went wrong inside Sikao.</source>
        <translation>Sikao 내부에서 문제가 발생했습니다.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Sikao</source>
        <translation>Sikao에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>GGUF 파일 열기</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 모델 (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Sikao runs a language model on your own computer; nothing you type leaves it. A model is one file in the GGUF format, and you have none yet.</source>
        <translation>Sikao는 언어 모델을 사용자의 컴퓨터에서 실행하며, 입력한 내용은 컴퓨터 밖으로 나가지 않습니다. 모델은 GGUF 형식의 파일 하나이며, 아직 모델이 없습니다.</translation>
    </message>
    <message>
        <source>1. Get a model</source>
        <translation>1. 모델 받기</translation>
    </message>
    <message>
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral and gpt-oss model families.</source>
        <translation>웹 브라우저가 있는 아무 컴퓨터에서 작은 추론 모델의 GGUF 파일을 내려받으세요. 예: Qwen3-1.7B 또는 DeepSeek-R1-Distill-Qwen-1.5B. 처음에는 Q4_K_M 버전(약 1~2 GB)이 좋습니다. Sikao는 Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral, gpt-oss 계열 모델을 실행합니다.</translation>
    </message>
    <message>
        <source>2. Put it in the models folder</source>
        <translation>2. 모델 폴더에 넣기</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>모델 폴더</translation>
    </message>
    <message>
        <source>Open the models folder</source>
        <translation>모델 폴더 열기</translation>
    </message>
    <message>
        <source>I put it there: look again</source>
        <translation>넣었습니다: 다시 찾기</translation>
    </message>
    <message>
        <source>Or open a GGUF file from anywhere:</source>
        <translation>또는 아무 위치의 GGUF 파일 열기:</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>GGUF 파일 열기…</translation>
    </message>
    <message>
        <source>Just looking? Try the demo model</source>
        <translation>둘러보는 중인가요? 데모 모델을 써 보세요</translation>
    </message>
    <message>
        <source>A tiny demonstration model (about one million parameters) comes with Sikao. It only does simple arithmetic and comparisons, but it shows its reasoning the way real reasoning models do. It is not a general assistant.</source>
        <translation>Sikao에는 아주 작은 데모 모델(약 100만 개 매개변수)이 포함되어 있습니다. 간단한 산술과 비교만 할 수 있지만, 실제 추론 모델처럼 추론 과정을 보여 줍니다. 범용 어시스턴트는 아닙니다.</translation>
    </message>
    <message>
        <source>Load the demo model</source>
        <translation>데모 모델 불러오기</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
</context>
<context>
    <name>FoundModelsOffer</name>
    <message>
        <source>You already have models Sikao can run</source>
        <translation>Sikao가 실행할 수 있는 모델이 이미 있습니다</translation>
    </message>
    <message>
        <source>Other apps keep these on this computer. Sikao only reads them; they stay where they are.</source>
        <translation>다른 앱이 이 컴퓨터에 보관한 모델입니다. Sikao는 읽기만 하며, 파일은 그 자리에 그대로 있습니다.</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>%1에서 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 불러오기</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Reasoning inspector</source>
        <translation>추론 검사기</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>추론 복사</translation>
    </message>
    <message>
        <source>Close the inspector</source>
        <translation>검사기 닫기</translation>
    </message>
    <message>
        <source>Find in reasoning</source>
        <translation>추론에서 찾기</translation>
    </message>
    <message>
        <source>Reasoning steps</source>
        <translation>추론 단계</translation>
    </message>
    <message>
        <source>Step %1 · %2 tokens · mean confidence %3%</source>
        <translation>%1단계 · %2 토큰 · 평균 신뢰도 %3%</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <source>“%1”: %2%</source>
        <translation>&quot;%1&quot;: %2%</translation>
    </message>
    <message>
        <source>No token probabilities were stored for this answer.</source>
        <translation>이 답변의 토큰 확률은 저장되지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Sikao</source>
        <translation>Sikao</translation>
    </message>
    <message>
        <source>%1 — Sikao</source>
        <translation>%1 — Sikao</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Back to chat</source>
        <translation>채팅으로 돌아가기</translation>
    </message>
    <message>
        <source>Back to chat (Esc)</source>
        <translation>채팅으로 돌아가기(Esc)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>어시스턴트</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>오류: %1</translation>
    </message>
    <message>
        <source>Edited message</source>
        <translation>편집한 메시지</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>이전 버전</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>다음 버전</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>메시지 복사</translation>
    </message>
    <message>
        <source>Regenerate answer</source>
        <translation>답변 다시 생성</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>편집 후 다시 보내기</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s</source>
        <translation>%1 토큰 · %2 토큰/초</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>접기</translation>
    </message>
    <message>
        <source>Show all (%1 characters)</source>
        <translation>모두 보기(%1자)</translation>
    </message>
    <message>
        <source>Outside the model&apos;s view</source>
        <translation>모델의 시야 밖</translation>
    </message>
    <message>
        <source>The context is full: the answer ends here.</source>
        <translation>컨텍스트가 가득 찼습니다: 답변이 여기서 끝납니다.</translation>
    </message>
    <message>
        <source>Continue in a new chat with a summary</source>
        <translation>요약과 함께 새 채팅에서 계속하기</translation>
    </message>
    <message>
        <source>Rest of the message</source>
        <translation>메시지의 나머지</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>GGUF 파일 열기</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 모델 (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Add a models folder</source>
        <translation>모델 폴더 추가</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>GGUF 파일 열기…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>폴더 추가…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Refresh the list of models</source>
        <translation>모델 목록 새로 고침</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>불러옴: %1</translation>
    </message>
    <message>
        <source>Device: %1 · context %2 tokens</source>
        <translation>장치: %1 · 컨텍스트 %2 토큰</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>불러오기 진행률</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>모델 불러오기 취소</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>오류 메시지</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>모델 폴더: %1</translation>
    </message>
    <message>
        <source>Also looking in: %1</source>
        <translation>추가로 찾는 위치: %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Stop looking in %1</source>
        <translation>%1에서 더 이상 찾지 않기</translation>
    </message>
    <message>
        <source>Reading the model files</source>
        <translation>모델 파일을 읽는 중</translation>
    </message>
    <message>
        <source>No models yet. Put a .gguf file in the models folder or open one.</source>
        <translation>아직 모델이 없습니다. .gguf 파일을 모델 폴더에 넣거나 직접 여세요.</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>추론</translation>
    </message>
    <message>
        <source>tiny demo</source>
        <translation>작은 데모</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>불러옴</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · context %4 · %5</source>
        <translation>%1 · %2 · 매개변수 %3 · 컨텍스트 %4 · %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 불러오기</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>목록에서 %1 제거</translation>
    </message>
    <message>
        <source>Weights: %1 on the device, %2 in system memory</source>
        <translation>가중치: 장치에 %1, 시스템 메모리에 %2</translation>
    </message>
    <message>
        <source>Weights: %1 on the device</source>
        <translation>가중치: 장치에 %1</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>이 컴퓨터에서 찾은 모델</translation>
    </message>
    <message>
        <source>Looking in the folders of LM Studio, Ollama, Jan, GPT4All, llama.cpp and Hugging Face…</source>
        <translation>LM Studio, Ollama, Jan, GPT4All, llama.cpp, Hugging Face 폴더를 살펴보는 중…</translation>
    </message>
    <message>
        <source>No models from LM Studio, Ollama, Jan, GPT4All, llama.cpp or Hugging Face were found.</source>
        <translation>LM Studio, Ollama, Jan, GPT4All, llama.cpp, Hugging Face의 모델을 찾지 못했습니다.</translation>
    </message>
    <message>
        <source>The search stopped at its limit; there may be more.</source>
        <translation>검색이 한도에 도달해 멈췄습니다. 더 있을 수 있습니다.</translation>
    </message>
    <message>
        <source>Sikao only reads these files; they stay where they are.</source>
        <translation>Sikao는 이 파일을 읽기만 하며, 파일은 원래 위치에 그대로 있습니다.</translation>
    </message>
    <message>
        <source>%1 (cannot run: %2)</source>
        <translation>%1 (실행할 수 없음: %2)</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>%1에서 · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message>
        <source>Thought for %1 s · %2 tokens</source>
        <translation>%1초 동안 생각함 · %2 토큰</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>검사</translation>
    </message>
    <message>
        <source>Open the reasoning inspector</source>
        <translation>추론 검사기 열기</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>추론 복사</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>추론</translation>
    </message>
    <message>
        <source>Thinking… %1 s · %2 tokens</source>
        <translation>생각 중… %1초 · 토큰 %2개</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>샘플링</translation>
    </message>
    <message>
        <source>Temperature (0: always the most likely token)</source>
        <translation>온도 (0: 항상 가장 가능성 높은 토큰)</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0: 끔</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>반복 페널티</translation>
    </message>
    <message>
        <source>New random seed for every answer</source>
        <translation>답변마다 새 무작위 시드</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Maximum answer length (tokens)</source>
        <translation>최대 답변 길이(토큰)</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>컨텍스트 길이(토큰)</translation>
    </message>
    <message>
        <source>0: the model&apos;s own. Applies when a model is loaded.</source>
        <translation>0: 모델 자체 값. 모델을 불러올 때 적용됩니다.</translation>
    </message>
    <message>
        <source>Restore the default sampling settings</source>
        <translation>샘플링 설정을 기본값으로 복원</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>기본 시스템 프롬프트</translation>
    </message>
    <message>
        <source>Sent at the start of every new chat. Leave it empty to use none.</source>
        <translation>새 대화를 시작할 때마다 보냅니다. 비워 두면 사용하지 않습니다.</translation>
    </message>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>당신은 도움이 되는 어시스턴트입니다.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>모양</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>시스템과 같게</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>글꼴 크기</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>The graphics device that runs the model. A change applies the next time a model is loaded.</source>
        <translation>모델을 실행하는 그래픽 장치입니다. 변경 사항은 다음에 모델을 불러올 때 적용됩니다.</translation>
    </message>
    <message>
        <source>Automatic (the fastest device)</source>
        <translation>자동(가장 빠른 장치)</translation>
    </message>
    <message>
        <source>%1 — %2, %3 memory</source>
        <translation>%1 — %2, 메모리 %3</translation>
    </message>
    <message>
        <source>Looking for devices</source>
        <translation>장치를 찾는 중</translation>
    </message>
    <message>
        <source>Device memory budget (MB)</source>
        <translation>장치 메모리 한도 (MB)</translation>
    </message>
    <message>
        <source>0: automatic (90% of a graphics card&apos;s own memory). A mixture-of-experts model beyond it keeps experts in system memory. Applies when a model is loaded.</source>
        <translation>0: 자동 (그래픽 카드 자체 메모리의 90%). 이를 넘는 전문가 혼합(MoE) 모델은 전문가를 시스템 메모리에 둡니다. 모델을 불러올 때 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>새 채팅</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>새 채팅 시작 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>모든 채팅 검색</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>검색 결과</translation>
    </message>
    <message>
        <source>Reasoning: </source>
        <translation>추론: </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>일치 항목 없음</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>대화</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>고정됨</translation>
    </message>
    <message>
        <source>New title</source>
        <translation>새 제목</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>대화 작업</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>고정 해제</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Markdown으로 내보내기…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>JSON으로 내보내기…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>&quot;%1&quot; 삭제됨</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>삭제 실행 취소</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>채팅 내보내기</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>모델 관리</translation>
    </message>
    <message>
        <source>Choose, open and load models</source>
        <translation>모델 선택, 열기 및 불러오기</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Sampling, system prompt, appearance, language and device (Ctrl+,)</source>
        <translation>샘플링, 시스템 프롬프트, 모양, 언어 및 장치(Ctrl+,)</translation>
    </message>
    <message>
        <source>Hide the conversations (Ctrl+B)</source>
        <translation>대화 목록 숨기기 (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>SidebarRail</name>
    <message>
        <source>Show the conversations (Ctrl+B)</source>
        <translation>대화 목록 보기 (Ctrl+B)</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>새 채팅</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>모든 채팅 검색</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
</context>
<context>
    <name>StartupPanel</name>
    <message>
        <source>Start a chat</source>
        <translation>채팅 시작</translation>
    </message>
    <message>
        <source>Model: %1 on %2, context %3 tokens.</source>
        <translation>모델: %1, 장치 %2, 컨텍스트 %3 토큰.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>불러온 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>모델 불러오기 진행률</translation>
    </message>
    <message>
        <source>Type a message below. A reasoning model shows its thinking above the answer; open it to inspect every step and how sure the model was of each token.</source>
        <translation>아래에 메시지를 입력하세요. 추론 모델은 답변 위에 생각 과정을 보여 줍니다. 열면 모든 단계와 각 토큰에 대한 모델의 확신 정도를 살펴볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>모델…</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>모델 관리</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>This is Sikao&apos;s tiny demo model: it only does simple arithmetic and comparisons. For a real assistant, load a model of your own from Models.</source>
        <translation>Sikao의 작은 데모 모델입니다. 간단한 산수와 비교만 할 수 있습니다. 실제 어시스턴트를 쓰려면 &apos;모델&apos;에서 직접 모델을 불러오세요.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No model</source>
        <translation>모델 없음</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>모델: %1</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>모델 불러오는 중…</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>모델 불러오기 진행률</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>모델 불러오기 취소</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>장치: %1</translation>
    </message>
    <message>
        <source>Context %1 / %2</source>
        <translation>컨텍스트 %1 / %2</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 토큰/초</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>생성 중… (Esc로 중지)</translation>
    </message>
    <message>
        <source>Built-in chat format</source>
        <translation>기본 제공 채팅 형식</translation>
    </message>
    <message>
        <source>The model&apos;s chat template could not be used, so the built-in format was used instead: %1</source>
        <translation>모델의 채팅 템플릿을 사용할 수 없어 기본 제공 형식을 대신 사용했습니다: %1</translation>
    </message>
    <message>
        <source>History read-only</source>
        <translation>기록 읽기 전용</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>기록이 읽기 전용입니다. 새 메시지를 저장할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The history database was damaged (%1). It was kept as %2 and a new one started.</source>
        <translation>기록 데이터베이스가 손상되었습니다(%1). %2(으)로 보관하고 새 데이터베이스를 시작했습니다.</translation>
    </message>
    <message>
        <source>The history cannot be opened (%1). This session&apos;s chats are kept in %2 only.</source>
        <translation>기록을 열 수 없습니다(%1). 이 세션의 채팅은 %2에만 보관됩니다.</translation>
    </message>
    <message>
        <source>The history at %1 cannot be written (read-only). Past chats are shown; new messages are not saved.</source>
        <translation>%1의 기록에 쓸 수 없습니다(읽기 전용). 이전 대화는 표시되지만 새 메시지는 저장되지 않습니다.</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>새 채팅</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>모델을 아직 불러오는 중입니다.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model to start chatting.</source>
        <translation>불러온 모델이 없습니다. 채팅을 시작하려면 GGUF 모델을 여세요.</translation>
    </message>
    <message>
        <source>Wait for the answer or stop it.</source>
        <translation>답변을 기다리거나 중지하세요.</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>기록이 읽기 전용입니다. 새 메시지를 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>1 earlier message is outside the model&apos;s view</source>
        <translation>이전 메시지 1개가 모델의 시야 밖에 있습니다</translation>
    </message>
    <message>
        <source>%1 earlier messages are outside the model&apos;s view</source>
        <translation>이전 메시지 %1개가 모델의 시야 밖에 있습니다</translation>
    </message>
    <message>
        <source>This chat no longer fits the model&apos;s context (%1 tokens). Start a new chat, or turn off “Stop when the context is full” to leave the oldest messages out of the model&apos;s view.</source>
        <translation>이 대화는 더 이상 모델의 컨텍스트(%1 토큰)에 들어가지 않습니다. 새 대화를 시작하거나 &quot;컨텍스트가 가득 차면 멈추기&quot;를 꺼서 가장 오래된 메시지를 모델의 시야에서 빼세요.</translation>
    </message>
    <message>
        <source>(1 earlier message left out)</source>
        <translation>(이전 메시지 1개 생략)</translation>
    </message>
    <message>
        <source>(%1 earlier messages left out)</source>
        <translation>(이전 메시지 %1개 생략)</translation>
    </message>
    <message>
        <source>Summarise our earlier conversation so that we can continue it. Write only the summary: what it was about, what was found or decided, and what is still open. The conversation:

%1</source>
        <translation>이어서 대화할 수 있도록 지금까지의 대화를 요약해 주세요. 요약만 쓰세요: 무엇에 관한 대화였는지, 무엇을 알아냈거나 정했는지, 무엇이 아직 남아 있는지. 대화:

%1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (계속)</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>고정됨</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>어제</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>지난 7일</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>새 채팅</translation>
    </message>
    <message>
        <source>Unknown export format &quot;%1&quot; (use md or json)</source>
        <translation>알 수 없는 내보내기 형식 &quot;%1&quot; (md 또는 json 사용)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>sikao::ui::DeviceListModel</name>
    <message>
        <source>discrete GPU</source>
        <translation>외장 GPU</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>내장 GPU</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>가상 GPU</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>other</source>
        <translation>기타</translation>
    </message>
</context>
<context>
    <name>sikao::ui::FoundModelList</name>
    <message>
        <source>Sikao cannot run the %1 architecture yet</source>
        <translation>Sikao는 아직 %1 아키텍처를 실행할 수 없습니다</translation>
    </message>
    <message>
        <source>Sikao cannot run tensor type %1 yet</source>
        <translation>Sikao는 아직 텐서 형식 %1을(를) 실행할 수 없습니다</translation>
    </message>
    <message>
        <source>Not a model Sikao can read</source>
        <translation>Sikao가 읽을 수 있는 모델이 아닙니다</translation>
    </message>
</context>
</TS>

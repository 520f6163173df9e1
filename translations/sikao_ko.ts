<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
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
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen2 and Qwen3 model families.</source>
        <translation>웹 브라우저가 있는 아무 컴퓨터에서 작은 추론 모델의 GGUF 파일을 내려받으세요. 예: Qwen3-1.7B 또는 DeepSeek-R1-Distill-Qwen-1.5B. 처음에는 Q4_K_M 버전(약 1~2 GB)이 좋습니다. Sikao는 Llama, Qwen2, Qwen3 계열 모델을 실행합니다.</translation>
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
    <name>Main</name>
    <message>
        <source>Sikao</source>
        <translation>Sikao</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>No model found. Put a .gguf file in %1 or pass one on the command line.</source>
        <translation>모델을 찾을 수 없습니다. .gguf 파일을 %1에 넣거나 명령줄에서 지정하세요.</translation>
    </message>
    <message>
        <source>Model that would be loaded</source>
        <translation>불러올 모델</translation>
    </message>
    <message>
        <source>Vulkan devices</source>
        <translation>Vulkan 장치</translation>
    </message>
    <message>
        <source>%1 · %2 · Vulkan %3 · %4 device memory · subgroup %5%6%7</source>
        <translation>%1 · %2 · Vulkan %3 · 장치 메모리 %4 · 서브그룹 %5%6%7</translation>
    </message>
    <message>
        <source> · fp16</source>
        <translation> · fp16</translation>
    </message>
    <message>
        <source> · int8</source>
        <translation> · int8</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
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
        <source>The model could not be loaded</source>
        <translation>모델을 불러올 수 없습니다</translation>
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
    <name>sikao::ui::ModelManager</name>
    <message>
        <source>%1: the file does not exist</source>
        <translation>%1: 파일이 없습니다</translation>
    </message>
</context>
<context>
    <name>sikao::ui::StartupModel</name>
    <message>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 tensors, %4, context %5 tokens
%6</source>
        <translation>%1 (%2) — 텐서 %3개, %4, 컨텍스트 %5 토큰
%6</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AttachedTextCards</name>
    <message>
        <source>Pasted text</source>
        <translation>貼上的文字</translation>
    </message>
    <message>
        <source>%1 lines · %2 characters</source>
        <translation>%1 行 · %2 個字元</translation>
    </message>
    <message>
        <source>Leave this text out of the message</source>
        <translation>不把這段文字放進訊息</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>先思考再回答</translation>
    </message>
    <message>
        <source>Models whose template reads enable_thinking answer directly when this is off.</source>
        <translation>範本讀取 enable_thinking 的模型在關閉此選項時會直接回答。</translation>
    </message>
    <message>
        <source>Reasoning budget</source>
        <translation>推理預算</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 個 token</translation>
    </message>
    <message>
        <source>Reasoning budget in tokens</source>
        <translation>推理預算（token 數）</translation>
    </message>
    <message>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>訊息（Enter 傳送，Shift+Enter 換行）</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>傳送訊息</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop generating</source>
        <translation>停止產生</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系統提示詞</translation>
    </message>
    <message>
        <source>System prompt ✓</source>
        <translation>系統提示詞 ✓</translation>
    </message>
    <message>
        <source>Edit this chat&apos;s system prompt</source>
        <translation>編輯此聊天的系統提示詞</translation>
    </message>
    <message>
        <source>Instructions the model follows in this chat. New chats start with the default from the settings.</source>
        <translation>模型在此聊天中遵循的指示。新聊天使用設定中的預設值。</translation>
    </message>
    <message>
        <source>Instructions for the model in this chat (empty: none)</source>
        <translation>此聊天中給模型的指示（留空：無）</translation>
    </message>
    <message>
        <source>System prompt of this chat</source>
        <translation>此聊天的系統提示詞</translation>
    </message>
    <message>
        <source>Stop when the context is full</source>
        <translation>上下文滿時停止</translation>
    </message>
    <message>
        <source>Off: when the chat outgrows the model&apos;s context, its oldest messages are left out of the model&apos;s view and the chat goes on.</source>
        <translation>關閉時：對話超出模型的上下文後，最早的訊息不再進入模型的視野，對話繼續。</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>推理強度</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>How long the model reasons before it answers.</source>
        <translation>模型在回答前推理多久。</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code</source>
        <translation>程式碼</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>複製程式碼</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The model file is not there any more. It may have been moved or deleted.</source>
        <translation>模型檔案已不存在，可能已被移動或刪除。</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it exists and that you may read it.</source>
        <translation>無法讀取該檔案。請確認它存在且你有讀取權限。</translation>
    </message>
    <message>
        <source>This is not a usable GGUF model file: it is damaged or incomplete.</source>
        <translation>這不是可用的 GGUF 模型檔案：檔案已損壞或不完整。</translation>
    </message>
    <message>
        <source>Sikao cannot run this kind of model (its architecture is not supported).</source>
        <translation>Sikao 無法執行這類模型（不支援其架構）。</translation>
    </message>
    <message>
        <source>Sikao cannot run this model&apos;s quantisation type.</source>
        <translation>Sikao 無法執行此模型的量化類型。</translation>
    </message>
    <message>
        <source>Sikao cannot run this model: it uses something not supported yet.</source>
        <translation>Sikao 無法執行此模型：它使用了尚不支援的功能。</translation>
    </message>
    <message>
        <source>No usable graphics device was found. Install a Vulkan driver for your GPU.</source>
        <translation>找不到可用的圖形裝置。請為你的 GPU 安裝 Vulkan 驅動程式。</translation>
    </message>
    <message>
        <source>The graphics device stopped responding. Load the model again.</source>
        <translation>圖形裝置停止回應。請重新載入模型。</translation>
    </message>
    <message>
        <source>There is not enough memory for this model. Try a smaller model or a shorter context.</source>
        <translation>記憶體不足以執行此模型。請嘗試較小的模型或較短的上下文。</translation>
    </message>
    <message>
        <source>The graphics device reported an error.</source>
        <translation>圖形裝置回報了錯誤。</translation>
    </message>
    <message>
        <source>The engine could not do what was asked.</source>
        <translation>引擎無法完成所要求的操作。</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>已取消載入。</translation>
    </message>
    <message>
        <source>The chat history could not be written.</source>
        <translation>無法寫入聊天記錄。</translation>
    </message>
    <message>
        <source>The disk is full: the chat history could not be saved.</source>
        <translation>磁碟已滿：無法儲存聊天記錄。</translation>
    </message>
    <message>
        <source>Another program is using the chat history. Try again in a moment.</source>
        <translation>另一個程式正在使用聊天記錄。請稍後再試。</translation>
    </message>
    <message>
        <source>The chat history database is damaged.</source>
        <translation>聊天記錄資料庫已損壞。</translation>
    </message>
    <message>
        <source>The chat history was written by a newer version of Sikao.</source>
        <translation>聊天記錄由較新版本的 Sikao 寫入。</translation>
    </message>
    <message>
        <source>This file is not a chat exported by Sikao.</source>
        <translation>此檔案不是 Sikao 匯出的聊天。</translation>
    </message>
    <message>
        <source>That chat or message no longer exists.</source>
        <translation>該聊天或訊息已不存在。</translation>
    </message>
    <message>
        <source>Something went wrong inside Sikao.</source>
        <translation>Sikao 內部發生了問題。</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Sikao</source>
        <translation>歡迎使用 Sikao</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>開啟 GGUF 檔案</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>Sikao runs a language model on your own computer; nothing you type leaves it. A model is one file in the GGUF format, and you have none yet.</source>
        <translation>Sikao 在你自己的電腦上執行語言模型，你輸入的內容不會離開這台電腦。模型是一個 GGUF 格式的檔案，而你目前還沒有。</translation>
    </message>
    <message>
        <source>1. Get a model</source>
        <translation>1. 取得模型</translation>
    </message>
    <message>
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral and gpt-oss model families.</source>
        <translation>在任何一台有網頁瀏覽器的電腦上，下載一個小型推理模型的 GGUF 檔案，例如 Qwen3-1.7B 或 DeepSeek-R1-Distill-Qwen-1.5B。Q4_K_M 版本（約 1 到 2 GB）是不錯的起點。Sikao 支援 Llama、Qwen、Gemma、Phi、SmolLM、Granite、Mistral 和 gpt-oss 系列模型。</translation>
    </message>
    <message>
        <source>2. Put it in the models folder</source>
        <translation>2. 把它放進模型資料夾</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>模型資料夾</translation>
    </message>
    <message>
        <source>Open the models folder</source>
        <translation>開啟模型資料夾</translation>
    </message>
    <message>
        <source>I put it there: look again</source>
        <translation>已放好，重新尋找</translation>
    </message>
    <message>
        <source>Or open a GGUF file from anywhere:</source>
        <translation>或從任意位置開啟 GGUF 檔案：</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>開啟 GGUF 檔案…</translation>
    </message>
    <message>
        <source>Just looking? Try the demo model</source>
        <translation>只是看看？試試示範模型</translation>
    </message>
    <message>
        <source>A tiny demonstration model (about one million parameters) comes with Sikao. It only does simple arithmetic and comparisons, but it shows its reasoning the way real reasoning models do. It is not a general assistant.</source>
        <translation>Sikao 附帶一個很小的示範模型（約一百萬個參數）。它只會簡單的算術和比較，但會像真正的推理模型一樣展示推理過程。它不是通用助理。</translation>
    </message>
    <message>
        <source>Load the demo model</source>
        <translation>載入示範模型</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
</context>
<context>
    <name>FoundModelsOffer</name>
    <message>
        <source>You already have models Sikao can run</source>
        <translation>你已經有 Sikao 可以執行的模型</translation>
    </message>
    <message>
        <source>Other apps keep these on this computer. Sikao only reads them; they stay where they are.</source>
        <translation>這些模型由其他應用程式保存在這台電腦上。Sikao 只讀取它們，它們會留在原處。</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>來自 %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>載入</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>載入 %1</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Reasoning inspector</source>
        <translation>推理檢查器</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>複製推理內容</translation>
    </message>
    <message>
        <source>Close the inspector</source>
        <translation>關閉檢查器</translation>
    </message>
    <message>
        <source>Find in reasoning</source>
        <translation>在推理中尋找</translation>
    </message>
    <message>
        <source>Reasoning steps</source>
        <translation>推理步驟</translation>
    </message>
    <message>
        <source>Step %1 · %2 tokens · mean confidence %3%</source>
        <translation>第 %1 步 · %2 個 token · 平均信心度 %3%</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>“%1”: %2%</source>
        <translation>「%1」：%2%</translation>
    </message>
    <message>
        <source>No token probabilities were stored for this answer.</source>
        <translation>此回答未儲存詞元機率。</translation>
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
        <translation>關閉</translation>
    </message>
    <message>
        <source>Back to chat</source>
        <translation>返回聊天</translation>
    </message>
    <message>
        <source>Back to chat (Esc)</source>
        <translation>返回聊天（Esc）</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助理</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>錯誤：%1</translation>
    </message>
    <message>
        <source>Edited message</source>
        <translation>編輯後的訊息</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>上一個版本</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>下一個版本</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>複製訊息</translation>
    </message>
    <message>
        <source>Regenerate answer</source>
        <translation>重新產生回答</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>編輯並重新傳送</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s</source>
        <translation>%1 個 token · %2 token/秒</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>收合</translation>
    </message>
    <message>
        <source>Show all (%1 characters)</source>
        <translation>顯示全部（%1 個字元）</translation>
    </message>
    <message>
        <source>Outside the model&apos;s view</source>
        <translation>在模型視野之外</translation>
    </message>
    <message>
        <source>The context is full: the answer ends here.</source>
        <translation>上下文已滿：回答到此為止。</translation>
    </message>
    <message>
        <source>Continue in a new chat with a summary</source>
        <translation>用摘要在新對話中繼續</translation>
    </message>
    <message>
        <source>Rest of the message</source>
        <translation>訊息的其餘部分</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>開啟 GGUF 檔案</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>Add a models folder</source>
        <translation>新增模型資料夾</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>開啟 GGUF 檔案…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>新增資料夾…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Refresh the list of models</source>
        <translation>重新整理模型清單</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在載入 %1…</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>已載入：%1</translation>
    </message>
    <message>
        <source>Device: %1 · context %2 tokens</source>
        <translation>裝置：%1 · 上下文 %2 個詞元</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>載入進度</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>取消載入模型</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>錯誤訊息</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>模型資料夾：%1</translation>
    </message>
    <message>
        <source>Also looking in: %1</source>
        <translation>同時尋找：%1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Stop looking in %1</source>
        <translation>不再尋找 %1</translation>
    </message>
    <message>
        <source>Reading the model files</source>
        <translation>正在讀取模型檔案</translation>
    </message>
    <message>
        <source>No models yet. Put a .gguf file in the models folder or open one.</source>
        <translation>還沒有模型。請把 .gguf 檔案放進模型資料夾，或開啟一個。</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>tiny demo</source>
        <translation>微型示範</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>已載入</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · context %4 · %5</source>
        <translation>%1 · %2 · %3 參數 · 上下文 %4 · %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>載入</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>載入 %1</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>從清單中移除 %1</translation>
    </message>
    <message>
        <source>Weights: %1 on the device, %2 in system memory</source>
        <translation>權重：裝置上 %1，系統記憶體中 %2</translation>
    </message>
    <message>
        <source>Weights: %1 on the device</source>
        <translation>權重：裝置上 %1</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>在這台電腦上找到的模型</translation>
    </message>
    <message>
        <source>Looking in the folders of LM Studio, Ollama, Jan, GPT4All, llama.cpp and Hugging Face…</source>
        <translation>正在搜尋 LM Studio、Ollama、Jan、GPT4All、llama.cpp 與 Hugging Face 的資料夾…</translation>
    </message>
    <message>
        <source>No models from LM Studio, Ollama, Jan, GPT4All, llama.cpp or Hugging Face were found.</source>
        <translation>未找到來自 LM Studio、Ollama、Jan、GPT4All、llama.cpp 或 Hugging Face 的模型。</translation>
    </message>
    <message>
        <source>The search stopped at its limit; there may be more.</source>
        <translation>搜尋已達上限而停止；可能還有更多模型。</translation>
    </message>
    <message>
        <source>Sikao only reads these files; they stay where they are.</source>
        <translation>Sikao 只讀取這些檔案，不會移動它們。</translation>
    </message>
    <message>
        <source>%1 (cannot run: %2)</source>
        <translation>%1（無法執行：%2）</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>來自 %1 · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message>
        <source>Thought for %1 s · %2 tokens</source>
        <translation>思考了 %1 秒 · %2 個 token</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>檢查</translation>
    </message>
    <message>
        <source>Open the reasoning inspector</source>
        <translation>開啟推理檢查器</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>複製推理內容</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>Thinking… %1 s · %2 tokens</source>
        <translation>思考中… %1 秒 · %2 個詞元</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>取樣</translation>
    </message>
    <message>
        <source>Temperature (0: always the most likely token)</source>
        <translation>溫度（0：總是選最可能的詞元）</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0：關閉</translation>
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
        <translation>重複懲罰</translation>
    </message>
    <message>
        <source>New random seed for every answer</source>
        <translation>每次回答使用新的隨機種子</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>種子</translation>
    </message>
    <message>
        <source>Maximum answer length (tokens)</source>
        <translation>最大回答長度（詞元）</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>上下文長度（詞元）</translation>
    </message>
    <message>
        <source>0: the model&apos;s own. Applies when a model is loaded.</source>
        <translation>0：使用模型本身的值。載入模型時生效。</translation>
    </message>
    <message>
        <source>Restore the default sampling settings</source>
        <translation>還原預設取樣設定</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>預設系統提示詞</translation>
    </message>
    <message>
        <source>Sent at the start of every new chat. Leave it empty to use none.</source>
        <translation>在每個新對話開始時送出。留空則不使用。</translation>
    </message>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>你是一個樂於助人的助理。</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外觀</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字型大小</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>裝置</translation>
    </message>
    <message>
        <source>The graphics device that runs the model. A change applies the next time a model is loaded.</source>
        <translation>執行模型的圖形裝置。變更會在下次載入模型時生效。</translation>
    </message>
    <message>
        <source>Automatic (the fastest device)</source>
        <translation>自動（最快的裝置）</translation>
    </message>
    <message>
        <source>%1 — %2, %3 memory</source>
        <translation>%1 — %2，%3 記憶體</translation>
    </message>
    <message>
        <source>Looking for devices</source>
        <translation>正在尋找裝置</translation>
    </message>
    <message>
        <source>Device memory budget (MB)</source>
        <translation>裝置記憶體預算（MB）</translation>
    </message>
    <message>
        <source>0: automatic (90% of a graphics card&apos;s own memory). A mixture-of-experts model beyond it keeps experts in system memory. Applies when a model is loaded.</source>
        <translation>0：自動（顯示卡自身記憶體的 90%）。超出預算的混合專家模型會把專家放在系統記憶體中。載入模型時生效。</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>新對話</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>開始新對話 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>搜尋所有對話</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Reasoning: </source>
        <translation>推理： </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>沒有符合項目</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>已釘選</translation>
    </message>
    <message>
        <source>New title</source>
        <translation>新標題</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>對話動作</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重新命名</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消釘選</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>釘選</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>匯出為 Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>匯出為 JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>已刪除「%1」</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>復原刪除</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>匯出對話</translation>
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
        <translation>模型</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>管理模型</translation>
    </message>
    <message>
        <source>Choose, open and load models</source>
        <translation>選擇、開啟和載入模型</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Sampling, system prompt, appearance, language and device (Ctrl+,)</source>
        <translation>取樣、系統提示詞、外觀、語言和裝置（Ctrl+,）</translation>
    </message>
    <message>
        <source>Hide the conversations (Ctrl+B)</source>
        <translation>隱藏對話列表 (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>SidebarRail</name>
    <message>
        <source>Show the conversations (Ctrl+B)</source>
        <translation>顯示對話列表 (Ctrl+B)</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新對話</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>搜尋所有對話</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>StartupPanel</name>
    <message>
        <source>Start a chat</source>
        <translation>開始聊天</translation>
    </message>
    <message>
        <source>Model: %1 on %2, context %3 tokens.</source>
        <translation>模型：%1，執行於 %2，上下文 %3 個詞元。</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在載入 %1…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>未載入模型。</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>模型載入進度</translation>
    </message>
    <message>
        <source>Type a message below. A reasoning model shows its thinking above the answer; open it to inspect every step and how sure the model was of each token.</source>
        <translation>在下方輸入訊息。推理模型會在回答上方顯示其思考過程；開啟它可檢視每一步以及模型對每個詞元的把握程度。</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>模型…</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>管理模型</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>This is Sikao&apos;s tiny demo model: it only does simple arithmetic and comparisons. For a real assistant, load a model of your own from Models.</source>
        <translation>這是 Sikao 的小型示範模型：它只會簡單的算術和比較。要使用真正的助理，請在「模型」中載入你自己的模型。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No model</source>
        <translation>無模型</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>正在載入模型…</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>模型載入進度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>取消載入模型</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>裝置：%1</translation>
    </message>
    <message>
        <source>Context %1 / %2</source>
        <translation>上下文 %1 / %2</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 token/秒</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>正在產生…（按 Esc 停止）</translation>
    </message>
    <message>
        <source>Built-in chat format</source>
        <translation>內建對話格式</translation>
    </message>
    <message>
        <source>The model&apos;s chat template could not be used, so the built-in format was used instead: %1</source>
        <translation>無法使用模型的對話範本，已改用內建格式：%1</translation>
    </message>
    <message>
        <source>History read-only</source>
        <translation>歷史記錄唯讀</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>歷史記錄為唯讀：新訊息無法儲存。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The history database was damaged (%1). It was kept as %2 and a new one started.</source>
        <translation>歷史資料庫已損毀（%1）。已將其保留為 %2 並建立新的資料庫。</translation>
    </message>
    <message>
        <source>The history cannot be opened (%1). This session&apos;s chats are kept in %2 only.</source>
        <translation>無法開啟歷史記錄（%1）。本次工作階段的對話僅保存在 %2 中。</translation>
    </message>
    <message>
        <source>The history at %1 cannot be written (read-only). Past chats are shown; new messages are not saved.</source>
        <translation>位於 %1 的歷史記錄無法寫入（唯讀）。仍會顯示以往的對話；新訊息不會被儲存。</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>新對話</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>模型仍在載入中。</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model to start chatting.</source>
        <translation>尚未載入模型。請開啟 GGUF 模型以開始對話。</translation>
    </message>
    <message>
        <source>Wait for the answer or stop it.</source>
        <translation>請等待回答完成或將其停止。</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>歷史記錄為唯讀：新訊息無法儲存。</translation>
    </message>
    <message>
        <source>1 earlier message is outside the model&apos;s view</source>
        <translation>有 1 則較早的訊息在模型視野之外</translation>
    </message>
    <message>
        <source>%1 earlier messages are outside the model&apos;s view</source>
        <translation>有 %1 則較早的訊息在模型視野之外</translation>
    </message>
    <message>
        <source>This chat no longer fits the model&apos;s context (%1 tokens). Start a new chat, or turn off “Stop when the context is full” to leave the oldest messages out of the model&apos;s view.</source>
        <translation>此對話已超出模型的上下文（%1 個詞元）。請開新對話，或關閉「上下文滿時停止」，讓最早的訊息移出模型的視野。</translation>
    </message>
    <message>
        <source>(1 earlier message left out)</source>
        <translation>（省略了 1 則較早的訊息）</translation>
    </message>
    <message>
        <source>(%1 earlier messages left out)</source>
        <translation>（省略了 %1 則較早的訊息）</translation>
    </message>
    <message>
        <source>Summarise our earlier conversation so that we can continue it. Write only the summary: what it was about, what was found or decided, and what is still open. The conversation:

%1</source>
        <translation>請總結我們之前的對話，以便繼續下去。只寫摘要：談了什麼、發現或決定了什麼、還有什麼沒有解決。對話如下：

%1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1（續）</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>已釘選</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>過去 7 天</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>更早</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新對話</translation>
    </message>
    <message>
        <source>Unknown export format &quot;%1&quot; (use md or json)</source>
        <translation>未知的匯出格式「%1」（請使用 md 或 json）</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
</context>
<context>
    <name>sikao::ui::DeviceListModel</name>
    <message>
        <source>discrete GPU</source>
        <translation>獨立顯示卡</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>內建顯示卡</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>虛擬 GPU</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>sikao::ui::FoundModelList</name>
    <message>
        <source>Sikao cannot run the %1 architecture yet</source>
        <translation>Sikao 尚不支援執行 %1 架構</translation>
    </message>
    <message>
        <source>Sikao cannot run tensor type %1 yet</source>
        <translation>Sikao 尚不支援張量類型 %1</translation>
    </message>
    <message>
        <source>Not a model Sikao can read</source>
        <translation>不是 Sikao 能讀取的模型</translation>
    </message>
</context>
</TS>

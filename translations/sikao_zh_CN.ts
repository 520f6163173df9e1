<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachedTextCards</name>
    <message>
        <source>Pasted text</source>
        <translation>粘贴的文本</translation>
    </message>
    <message>
        <source>%1 lines · %2 characters</source>
        <translation>%1 行 · %2 个字符</translation>
    </message>
    <message>
        <source>Leave this text out of the message</source>
        <translation>不把这段文本放进消息</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>先思考再回答</translation>
    </message>
    <message>
        <source>Models whose template reads enable_thinking answer directly when this is off.</source>
        <translation>模板读取 enable_thinking 的模型在关闭此项时会直接回答。</translation>
    </message>
    <message>
        <source>Reasoning budget</source>
        <translation>推理预算</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个 token</translation>
    </message>
    <message>
        <source>Reasoning budget in tokens</source>
        <translation>推理预算（token 数）</translation>
    </message>
    <message>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>消息（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop generating</source>
        <translation>停止生成</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>System prompt ✓</source>
        <translation>系统提示词 ✓</translation>
    </message>
    <message>
        <source>Edit this chat&apos;s system prompt</source>
        <translation>编辑此聊天的系统提示词</translation>
    </message>
    <message>
        <source>Instructions the model follows in this chat. New chats start with the default from the settings.</source>
        <translation>模型在此聊天中遵循的指示。新聊天使用设置中的默认值。</translation>
    </message>
    <message>
        <source>Instructions for the model in this chat (empty: none)</source>
        <translation>此聊天中给模型的指示（留空：无）</translation>
    </message>
    <message>
        <source>System prompt of this chat</source>
        <translation>此聊天的系统提示词</translation>
    </message>
    <message>
        <source>Stop when the context is full</source>
        <translation>上下文满时停止</translation>
    </message>
    <message>
        <source>Off: when the chat outgrows the model&apos;s context, its oldest messages are left out of the model&apos;s view and the chat goes on.</source>
        <translation>关闭时：对话超出模型的上下文后，最早的消息不再进入模型的视野，对话继续。</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>推理力度</translation>
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
        <translation>代码</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The model file is not there any more. It may have been moved or deleted.</source>
        <translation>模型文件已不存在，可能已被移动或删除。</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it exists and that you may read it.</source>
        <translation>无法读取该文件。请确认它存在并且你有读取权限。</translation>
    </message>
    <message>
        <source>This is not a usable GGUF model file: it is damaged or incomplete.</source>
        <translation>这不是可用的 GGUF 模型文件：文件已损坏或不完整。</translation>
    </message>
    <message>
        <source>Sikao cannot run this kind of model (its architecture is not supported).</source>
        <translation>Sikao 无法运行这类模型（不支持其架构）。</translation>
    </message>
    <message>
        <source>Sikao cannot run this model&apos;s quantisation type.</source>
        <translation>Sikao 无法运行此模型的量化类型。</translation>
    </message>
    <message>
        <source>Sikao cannot run this model: it uses something not supported yet.</source>
        <translation>Sikao 无法运行此模型：它使用了尚不支持的功能。</translation>
    </message>
    <message>
        <source>No usable graphics device was found. Install a Vulkan driver for your GPU.</source>
        <translation>未找到可用的图形设备。请为你的 GPU 安装 Vulkan 驱动。</translation>
    </message>
    <message>
        <source>The graphics device stopped responding. Load the model again.</source>
        <translation>图形设备停止响应。请重新加载模型。</translation>
    </message>
    <message>
        <source>There is not enough memory for this model. Try a smaller model or a shorter context.</source>
        <translation>内存不足以运行此模型。请尝试更小的模型或更短的上下文。</translation>
    </message>
    <message>
        <source>The graphics device reported an error.</source>
        <translation>图形设备报告了错误。</translation>
    </message>
    <message>
        <source>The engine could not do what was asked.</source>
        <translation>引擎无法完成所请求的操作。</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>已取消加载。</translation>
    </message>
    <message>
        <source>The chat history could not be written.</source>
        <translation>无法写入聊天记录。</translation>
    </message>
    <message>
        <source>The disk is full: the chat history could not be saved.</source>
        <translation>磁盘已满：无法保存聊天记录。</translation>
    </message>
    <message>
        <source>Another program is using the chat history. Try again in a moment.</source>
        <translation>另一个程序正在使用聊天记录。请稍后再试。</translation>
    </message>
    <message>
        <source>The chat history database is damaged.</source>
        <translation>聊天记录数据库已损坏。</translation>
    </message>
    <message>
        <source>The chat history was written by a newer version of Sikao.</source>
        <translation>聊天记录由更新版本的 Sikao 写入。</translation>
    </message>
    <message>
        <source>This file is not a chat exported by Sikao.</source>
        <translation>此文件不是 Sikao 导出的聊天。</translation>
    </message>
    <message>
        <source>That chat or message no longer exists.</source>
        <translation>该聊天或消息已不存在。</translation>
    </message>
    <message>
        <source>Something went wrong inside Sikao.</source>
        <translation>Sikao 内部出现了问题。</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Sikao</source>
        <translation>欢迎使用 Sikao</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>打开 GGUF 文件</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Sikao runs a language model on your own computer; nothing you type leaves it. A model is one file in the GGUF format, and you have none yet.</source>
        <translation>Sikao 在你自己的电脑上运行语言模型，你输入的内容不会离开这台电脑。模型是一个 GGUF 格式的文件，而你目前还没有。</translation>
    </message>
    <message>
        <source>1. Get a model</source>
        <translation>1. 获取模型</translation>
    </message>
    <message>
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral and gpt-oss model families.</source>
        <translation>在任何一台有网页浏览器的电脑上，下载一个小型推理模型的 GGUF 文件，例如 Qwen3-1.7B 或 DeepSeek-R1-Distill-Qwen-1.5B。Q4_K_M 版本（约 1 到 2 GB）是不错的起点。Sikao 支持 Llama、Qwen、Gemma、Phi、SmolLM、Granite、Mistral 和 gpt-oss 系列模型。</translation>
    </message>
    <message>
        <source>2. Put it in the models folder</source>
        <translation>2. 把它放进模型文件夹</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <source>Open the models folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <source>I put it there: look again</source>
        <translation>已放好，重新查找</translation>
    </message>
    <message>
        <source>Or open a GGUF file from anywhere:</source>
        <translation>或者从任意位置打开 GGUF 文件：</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>打开 GGUF 文件…</translation>
    </message>
    <message>
        <source>Just looking? Try the demo model</source>
        <translation>只是看看？试试演示模型</translation>
    </message>
    <message>
        <source>A tiny demonstration model (about one million parameters) comes with Sikao. It only does simple arithmetic and comparisons, but it shows its reasoning the way real reasoning models do. It is not a general assistant.</source>
        <translation>Sikao 自带一个很小的演示模型（约一百万个参数）。它只会简单的算术和比较，但会像真正的推理模型一样展示推理过程。它不是通用助手。</translation>
    </message>
    <message>
        <source>Load the demo model</source>
        <translation>加载演示模型</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>FoundModelsOffer</name>
    <message>
        <source>You already have models Sikao can run</source>
        <translation>你已经有 Sikao 可以运行的模型</translation>
    </message>
    <message>
        <source>Other apps keep these on this computer. Sikao only reads them; they stay where they are.</source>
        <translation>这些模型由其他应用保存在这台电脑上。Sikao 只读取它们，它们会留在原处。</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>来自 %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>加载 %1</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Reasoning inspector</source>
        <translation>推理检查器</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>复制推理内容</translation>
    </message>
    <message>
        <source>Close the inspector</source>
        <translation>关闭检查器</translation>
    </message>
    <message>
        <source>Find in reasoning</source>
        <translation>在推理中查找</translation>
    </message>
    <message>
        <source>Reasoning steps</source>
        <translation>推理步骤</translation>
    </message>
    <message>
        <source>Step %1 · %2 tokens · mean confidence %3%</source>
        <translation>第 %1 步 · %2 个 token · 平均置信度 %3%</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>“%1”: %2%</source>
        <translation>“%1”：%2%</translation>
    </message>
    <message>
        <source>No token probabilities were stored for this answer.</source>
        <translation>此回答未保存词元概率。</translation>
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
        <translation>关闭</translation>
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
        <translation>助手</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Edited message</source>
        <translation>编辑后的消息</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>上一版本</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>下一版本</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>复制消息</translation>
    </message>
    <message>
        <source>Regenerate answer</source>
        <translation>重新生成回答</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>编辑并重新发送</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s</source>
        <translation>%1 个 token · %2 token/秒</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Show all (%1 characters)</source>
        <translation>显示全部（%1 个字符）</translation>
    </message>
    <message>
        <source>Outside the model&apos;s view</source>
        <translation>在模型视野之外</translation>
    </message>
    <message>
        <source>The context is full: the answer ends here.</source>
        <translation>上下文已满：回答到此为止。</translation>
    </message>
    <message>
        <source>Continue in a new chat with a summary</source>
        <translation>用摘要在新对话中继续</translation>
    </message>
    <message>
        <source>Rest of the message</source>
        <translation>消息的其余部分</translation>
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
        <translation>打开 GGUF 文件</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Add a models folder</source>
        <translation>添加模型文件夹</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>打开 GGUF 文件…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Refresh the list of models</source>
        <translation>刷新模型列表</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>已加载：%1</translation>
    </message>
    <message>
        <source>Device: %1 · context %2 tokens</source>
        <translation>设备：%1 · 上下文 %2 个词元</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>加载进度</translation>
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
        <translation>取消加载模型</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>错误信息</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>模型文件夹：%1</translation>
    </message>
    <message>
        <source>Also looking in: %1</source>
        <translation>同时查找：%1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Stop looking in %1</source>
        <translation>不再查找 %1</translation>
    </message>
    <message>
        <source>Reading the model files</source>
        <translation>正在读取模型文件</translation>
    </message>
    <message>
        <source>No models yet. Put a .gguf file in the models folder or open one.</source>
        <translation>还没有模型。请把 .gguf 文件放进模型文件夹，或打开一个。</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>tiny demo</source>
        <translation>微型演示</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · context %4 · %5</source>
        <translation>%1 · %2 · %3 参数 · 上下文 %4 · %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>加载 %1</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>从列表中移除 %1</translation>
    </message>
    <message>
        <source>Weights: %1 on the device, %2 in system memory</source>
        <translation>权重：设备上 %1，系统内存中 %2</translation>
    </message>
    <message>
        <source>Weights: %1 on the device</source>
        <translation>权重：设备上 %1</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>在此电脑上找到的模型</translation>
    </message>
    <message>
        <source>Looking in the folders of LM Studio, Ollama, Jan, GPT4All, llama.cpp and Hugging Face…</source>
        <translation>正在查找 LM Studio、Ollama、Jan、GPT4All、llama.cpp 和 Hugging Face 的文件夹…</translation>
    </message>
    <message>
        <source>No models from LM Studio, Ollama, Jan, GPT4All, llama.cpp or Hugging Face were found.</source>
        <translation>未找到来自 LM Studio、Ollama、Jan、GPT4All、llama.cpp 或 Hugging Face 的模型。</translation>
    </message>
    <message>
        <source>The search stopped at its limit; there may be more.</source>
        <translation>搜索已达到上限而停止；可能还有更多模型。</translation>
    </message>
    <message>
        <source>Sikao only reads these files; they stay where they are.</source>
        <translation>Sikao 只读取这些文件，不会移动它们。</translation>
    </message>
    <message>
        <source>%1 (cannot run: %2)</source>
        <translation>%1（无法运行：%2）</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>来自 %1 · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message>
        <source>Thought for %1 s · %2 tokens</source>
        <translation>思考了 %1 秒 · %2 个 token</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Open the reasoning inspector</source>
        <translation>打开推理检查器</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>复制推理内容</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>Thinking… %1 s · %2 tokens</source>
        <translation>思考中… %1 秒 · %2 个词元</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>采样</translation>
    </message>
    <message>
        <source>Temperature (0: always the most likely token)</source>
        <translation>温度（0：总是选最可能的词元）</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0：关闭</translation>
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
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>New random seed for every answer</source>
        <translation>每次回答使用新的随机种子</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Maximum answer length (tokens)</source>
        <translation>最大回答长度（词元）</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>上下文长度（词元）</translation>
    </message>
    <message>
        <source>0: the model&apos;s own. Applies when a model is loaded.</source>
        <translation>0：使用模型自身的值。加载模型时生效。</translation>
    </message>
    <message>
        <source>Restore the default sampling settings</source>
        <translation>恢复默认采样设置</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>默认系统提示词</translation>
    </message>
    <message>
        <source>Sent at the start of every new chat. Leave it empty to use none.</source>
        <translation>在每个新对话开始时发送。留空则不使用。</translation>
    </message>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>你是一个乐于助人的助手。</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>The graphics device that runs the model. A change applies the next time a model is loaded.</source>
        <translation>运行模型的图形设备。更改将在下次加载模型时生效。</translation>
    </message>
    <message>
        <source>Automatic (the fastest device)</source>
        <translation>自动（最快的设备）</translation>
    </message>
    <message>
        <source>%1 — %2, %3 memory</source>
        <translation>%1 — %2，%3 内存</translation>
    </message>
    <message>
        <source>Looking for devices</source>
        <translation>正在查找设备</translation>
    </message>
    <message>
        <source>Device memory budget (MB)</source>
        <translation>设备内存预算（MB）</translation>
    </message>
    <message>
        <source>0: automatic (90% of a graphics card&apos;s own memory). A mixture-of-experts model beyond it keeps experts in system memory. Applies when a model is loaded.</source>
        <translation>0：自动（显卡自身显存的 90%）。超出预算的混合专家模型会把专家放在系统内存中。加载模型时生效。</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>开始新对话 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>搜索所有对话</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Reasoning: </source>
        <translation>推理： </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配项</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>已置顶</translation>
    </message>
    <message>
        <source>New title</source>
        <translation>新标题</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>对话操作</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>置顶</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>已删除“%1”</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>导出对话</translation>
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
        <translation>选择、打开和加载模型</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Sampling, system prompt, appearance, language and device (Ctrl+,)</source>
        <translation>采样、系统提示词、外观、语言和设备（Ctrl+,）</translation>
    </message>
    <message>
        <source>Hide the conversations (Ctrl+B)</source>
        <translation>隐藏对话列表 (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>SidebarRail</name>
    <message>
        <source>Show the conversations (Ctrl+B)</source>
        <translation>显示对话列表 (Ctrl+B)</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>搜索所有对话</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>StartupPanel</name>
    <message>
        <source>Start a chat</source>
        <translation>开始聊天</translation>
    </message>
    <message>
        <source>Model: %1 on %2, context %3 tokens.</source>
        <translation>模型：%1，运行于 %2，上下文 %3 个词元。</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>模型加载进度</translation>
    </message>
    <message>
        <source>Type a message below. A reasoning model shows its thinking above the answer; open it to inspect every step and how sure the model was of each token.</source>
        <translation>在下方输入消息。推理模型会在回答上方显示其思考过程；打开它可查看每一步以及模型对每个词元的把握程度。</translation>
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
        <translation>设置…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>This is Sikao&apos;s tiny demo model: it only does simple arithmetic and comparisons. For a real assistant, load a model of your own from Models.</source>
        <translation>这是 Sikao 的小型演示模型：它只会简单的算术和比较。要使用真正的助手，请在“模型”中加载你自己的模型。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>模型加载进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>取消加载模型</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
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
        <translation>正在生成…（按 Esc 停止）</translation>
    </message>
    <message>
        <source>Built-in chat format</source>
        <translation>内置对话格式</translation>
    </message>
    <message>
        <source>The model&apos;s chat template could not be used, so the built-in format was used instead: %1</source>
        <translation>无法使用模型的对话模板，已改用内置格式：%1</translation>
    </message>
    <message>
        <source>History read-only</source>
        <translation>历史记录只读</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>历史记录为只读：新消息无法保存。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The history database was damaged (%1). It was kept as %2 and a new one started.</source>
        <translation>历史数据库已损坏（%1）。已将其保留为 %2 并新建了一个数据库。</translation>
    </message>
    <message>
        <source>The history cannot be opened (%1). This session&apos;s chats are kept in %2 only.</source>
        <translation>无法打开历史记录（%1）。本次会话的对话仅保存在 %2 中。</translation>
    </message>
    <message>
        <source>The history at %1 cannot be written (read-only). Past chats are shown; new messages are not saved.</source>
        <translation>位于 %1 的历史记录无法写入（只读）。仍会显示以往的对话；新消息不会被保存。</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>模型仍在加载。</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model to start chatting.</source>
        <translation>未加载模型。请打开一个 GGUF 模型以开始对话。</translation>
    </message>
    <message>
        <source>Wait for the answer or stop it.</source>
        <translation>请等待回答完成或停止它。</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>历史记录为只读：新消息无法保存。</translation>
    </message>
    <message>
        <source>1 earlier message is outside the model&apos;s view</source>
        <translation>有 1 条较早的消息在模型视野之外</translation>
    </message>
    <message>
        <source>%1 earlier messages are outside the model&apos;s view</source>
        <translation>有 %1 条较早的消息在模型视野之外</translation>
    </message>
    <message>
        <source>This chat no longer fits the model&apos;s context (%1 tokens). Start a new chat, or turn off “Stop when the context is full” to leave the oldest messages out of the model&apos;s view.</source>
        <translation>此对话已超出模型的上下文（%1 个词元）。请新建对话，或关闭“上下文满时停止”，让最早的消息移出模型的视野。</translation>
    </message>
    <message>
        <source>(1 earlier message left out)</source>
        <translation>（省略了 1 条较早的消息）</translation>
    </message>
    <message>
        <source>(%1 earlier messages left out)</source>
        <translation>（省略了 %1 条较早的消息）</translation>
    </message>
    <message>
        <source>Summarise our earlier conversation so that we can continue it. Write only the summary: what it was about, what was found or decided, and what is still open. The conversation:

%1</source>
        <translation>请总结我们之前的对话，以便继续下去。只写摘要：谈了什么、发现或决定了什么、还有什么没有解决。对话如下：

%1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1（续）</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>已置顶</translation>
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
        <translation>过去 7 天</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>更早</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Unknown export format &quot;%1&quot; (use md or json)</source>
        <translation>未知的导出格式“%1”（请使用 md 或 json）</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>sikao::ui::DeviceListModel</name>
    <message>
        <source>discrete GPU</source>
        <translation>独立显卡</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>集成显卡</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>虚拟 GPU</translation>
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
        <translation>Sikao 暂不支持运行 %1 架构</translation>
    </message>
    <message>
        <source>Sikao cannot run tensor type %1 yet</source>
        <translation>Sikao 暂不支持张量类型 %1</translation>
    </message>
    <message>
        <source>Not a model Sikao can read</source>
        <translation>不是 Sikao 能读取的模型</translation>
    </message>
</context>
</TS>

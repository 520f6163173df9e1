<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen2 and Qwen3 model families.</source>
        <translation>在任何一台有网页浏览器的电脑上，下载一个小型推理模型的 GGUF 文件，例如 Qwen3-1.7B 或 DeepSeek-R1-Distill-Qwen-1.5B。Q4_K_M 版本（约 1 到 2 GB）是不错的起点。Sikao 支持 Llama、Qwen2 和 Qwen3 系列模型。</translation>
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
    <name>Main</name>
    <message>
        <source>Sikao</source>
        <translation>Sikao</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>No model found. Put a .gguf file in %1 or pass one on the command line.</source>
        <translation>未找到模型。请把 .gguf 文件放到 %1，或在命令行中指定一个。</translation>
    </message>
    <message>
        <source>Model that would be loaded</source>
        <translation>将要加载的模型</translation>
    </message>
    <message>
        <source>Vulkan devices</source>
        <translation>Vulkan 设备</translation>
    </message>
    <message>
        <source>%1 · %2 · Vulkan %3 · %4 device memory · subgroup %5%6%7</source>
        <translation>%1 · %2 · Vulkan %3 · %4 显存 · 子组 %5%6%7</translation>
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
        <translation>刷新</translation>
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
        <source>The model could not be loaded</source>
        <translation>无法加载该模型</translation>
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
    <name>sikao::ui::ModelManager</name>
    <message>
        <source>%1: the file does not exist</source>
        <translation>%1：文件不存在</translation>
    </message>
</context>
<context>
    <name>sikao::ui::StartupModel</name>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 tensors, %4, context %5 tokens
%6</source>
        <translation>%1（%2）— %3 个张量，%4，上下文 %5 个词元
%6</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
</TS>

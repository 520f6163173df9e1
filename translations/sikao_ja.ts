<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AttachedTextCards</name>
    <message>
        <source>Pasted text</source>
        <translation>貼り付けたテキスト</translation>
    </message>
    <message>
        <source>%1 lines · %2 characters</source>
        <translation>%1 行 · %2 文字</translation>
    </message>
    <message>
        <source>Leave this text out of the message</source>
        <translation>このテキストをメッセージから外す</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>回答前に考える</translation>
    </message>
    <message>
        <source>Models whose template reads enable_thinking answer directly when this is off.</source>
        <translation>テンプレートが enable_thinking を読み取るモデルは、オフのとき直接回答します。</translation>
    </message>
    <message>
        <source>Reasoning budget</source>
        <translation>推論バジェット</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>無制限</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>Reasoning budget in tokens</source>
        <translation>推論バジェット（トークン数）</translation>
    </message>
    <message>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>メッセージ（Enter で送信、Shift+Enter で改行）</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>メッセージを送信</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop generating</source>
        <translation>生成を停止</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>システムプロンプト</translation>
    </message>
    <message>
        <source>System prompt ✓</source>
        <translation>システムプロンプト ✓</translation>
    </message>
    <message>
        <source>Edit this chat&apos;s system prompt</source>
        <translation>このチャットのシステムプロンプトを編集</translation>
    </message>
    <message>
        <source>Instructions the model follows in this chat. New chats start with the default from the settings.</source>
        <translation>このチャットでモデルが従う指示です。新しいチャットは設定の既定値で始まります。</translation>
    </message>
    <message>
        <source>Instructions for the model in this chat (empty: none)</source>
        <translation>このチャットでのモデルへの指示（空欄：なし）</translation>
    </message>
    <message>
        <source>System prompt of this chat</source>
        <translation>このチャットのシステムプロンプト</translation>
    </message>
    <message>
        <source>Stop when the context is full</source>
        <translation>コンテキストが満杯になったら止める</translation>
    </message>
    <message>
        <source>Off: when the chat outgrows the model&apos;s context, its oldest messages are left out of the model&apos;s view and the chat goes on.</source>
        <translation>オフ：会話がモデルのコンテキストを超えると、最も古いメッセージがモデルの視野から外れ、会話は続きます。</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>推論の度合い</translation>
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
        <translation>モデルが回答する前にどれだけ考えるか。</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>コードをコピー</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The model file is not there any more. It may have been moved or deleted.</source>
        <translation>モデルファイルが見つかりません。移動または削除された可能性があります。</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it exists and that you may read it.</source>
        <translation>ファイルを読み込めませんでした。ファイルが存在し、読み取り権限があることを確認してください。</translation>
    </message>
    <message>
        <source>This is not a usable GGUF model file: it is damaged or incomplete.</source>
        <translation>使用できる GGUF モデルファイルではありません。破損しているか不完全です。</translation>
    </message>
    <message>
        <source>Sikao cannot run this kind of model (its architecture is not supported).</source>
        <translation>Sikao はこの種類のモデルを実行できません（アーキテクチャに対応していません）。</translation>
    </message>
    <message>
        <source>Sikao cannot run this model&apos;s quantisation type.</source>
        <translation>Sikao はこのモデルの量子化形式を実行できません。</translation>
    </message>
    <message>
        <source>Sikao cannot run this model: it uses something not supported yet.</source>
        <translation>Sikao はこのモデルを実行できません。まだ対応していない機能を使っています。</translation>
    </message>
    <message>
        <source>No usable graphics device was found. Install a Vulkan driver for your GPU.</source>
        <translation>使用できるグラフィックデバイスが見つかりません。GPU 用の Vulkan ドライバーをインストールしてください。</translation>
    </message>
    <message>
        <source>The graphics device stopped responding. Load the model again.</source>
        <translation>グラフィックデバイスが応答しなくなりました。モデルをもう一度読み込んでください。</translation>
    </message>
    <message>
        <source>There is not enough memory for this model. Try a smaller model or a shorter context.</source>
        <translation>このモデルに十分なメモリがありません。より小さいモデルか短いコンテキストを試してください。</translation>
    </message>
    <message>
        <source>The graphics device reported an error.</source>
        <translation>グラフィックデバイスがエラーを報告しました。</translation>
    </message>
    <message>
        <source>The engine could not do what was asked.</source>
        <translation>エンジンは要求された処理を実行できませんでした。</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>読み込みはキャンセルされました。</translation>
    </message>
    <message>
        <source>The chat history could not be written.</source>
        <translation>チャット履歴を書き込めませんでした。</translation>
    </message>
    <message>
        <source>The disk is full: the chat history could not be saved.</source>
        <translation>ディスクがいっぱいです。チャット履歴を保存できませんでした。</translation>
    </message>
    <message>
        <source>Another program is using the chat history. Try again in a moment.</source>
        <translation>別のプログラムがチャット履歴を使用しています。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The chat history database is damaged.</source>
        <translation>チャット履歴のデータベースが破損しています。</translation>
    </message>
    <message>
        <source>The chat history was written by a newer version of Sikao.</source>
        <translation>チャット履歴は新しいバージョンの Sikao で書き込まれています。</translation>
    </message>
    <message>
        <source>This file is not a chat exported by Sikao.</source>
        <translation>このファイルは Sikao からエクスポートされたチャットではありません。</translation>
    </message>
    <message>
        <source>That chat or message no longer exists.</source>
        <translation>そのチャットまたはメッセージはもう存在しません。</translation>
    </message>
    <message>
        <source>Something went wrong inside Sikao.</source>
        <translation>Sikao の内部で問題が発生しました。</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Sikao</source>
        <translation>Sikao へようこそ</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>GGUF ファイルを開く</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF モデル (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Sikao runs a language model on your own computer; nothing you type leaves it. A model is one file in the GGUF format, and you have none yet.</source>
        <translation>Sikao は言語モデルをあなた自身のコンピューターで実行します。入力した内容が外部に送られることはありません。モデルは GGUF 形式のファイル 1 つで、まだ 1 つもありません。</translation>
    </message>
    <message>
        <source>1. Get a model</source>
        <translation>1. モデルを入手する</translation>
    </message>
    <message>
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral and gpt-oss model families.</source>
        <translation>ウェブブラウザーのある任意のコンピューターで、小さな推論モデルの GGUF ファイルをダウンロードしてください（例: Qwen3-1.7B、DeepSeek-R1-Distill-Qwen-1.5B）。最初は Q4_K_M 版（約 1〜2 GB）がおすすめです。Sikao は Llama、Qwen、Gemma、Phi、SmolLM、Granite、Mistral、gpt-oss 系のモデルを実行できます。</translation>
    </message>
    <message>
        <source>2. Put it in the models folder</source>
        <translation>2. モデルフォルダーに置く</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>モデルフォルダー</translation>
    </message>
    <message>
        <source>Open the models folder</source>
        <translation>モデルフォルダーを開く</translation>
    </message>
    <message>
        <source>I put it there: look again</source>
        <translation>置きました: もう一度探す</translation>
    </message>
    <message>
        <source>Or open a GGUF file from anywhere:</source>
        <translation>または任意の場所の GGUF ファイルを開く:</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>GGUF ファイルを開く…</translation>
    </message>
    <message>
        <source>Just looking? Try the demo model</source>
        <translation>試してみるだけ? デモモデルをどうぞ</translation>
    </message>
    <message>
        <source>A tiny demonstration model (about one million parameters) comes with Sikao. It only does simple arithmetic and comparisons, but it shows its reasoning the way real reasoning models do. It is not a general assistant.</source>
        <translation>Sikao には小さなデモモデル（約 100 万パラメーター）が付属しています。簡単な計算と比較しかできませんが、本物の推論モデルと同じように推論を表示します。汎用アシスタントではありません。</translation>
    </message>
    <message>
        <source>Load the demo model</source>
        <translation>デモモデルを読み込む</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
</context>
<context>
    <name>FoundModelsOffer</name>
    <message>
        <source>You already have models Sikao can run</source>
        <translation>Sikao で動かせるモデルがすでにあります</translation>
    </message>
    <message>
        <source>Other apps keep these on this computer. Sikao only reads them; they stay where they are.</source>
        <translation>これらは他のアプリがこのコンピューターに保存しているモデルです。Sikao は読み取るだけで、ファイルはそのままの場所に残ります。</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>%1 から · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>読み込む</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 を読み込む</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Reasoning inspector</source>
        <translation>推論インスペクター</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>推論をコピー</translation>
    </message>
    <message>
        <source>Close the inspector</source>
        <translation>インスペクターを閉じる</translation>
    </message>
    <message>
        <source>Find in reasoning</source>
        <translation>推論内を検索</translation>
    </message>
    <message>
        <source>Reasoning steps</source>
        <translation>推論ステップ</translation>
    </message>
    <message>
        <source>Step %1 · %2 tokens · mean confidence %3%</source>
        <translation>ステップ %1 · %2 トークン · 平均確信度 %3%</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>“%1”: %2%</source>
        <translation>「%1」: %2%</translation>
    </message>
    <message>
        <source>No token probabilities were stored for this answer.</source>
        <translation>この回答のトークン確率は保存されていません。</translation>
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
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Back to chat</source>
        <translation>チャットに戻る</translation>
    </message>
    <message>
        <source>Back to chat (Esc)</source>
        <translation>チャットに戻る（Esc）</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>アシスタント</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止しました</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>Edited message</source>
        <translation>編集したメッセージ</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>前のバージョン</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>次のバージョン</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>メッセージをコピー</translation>
    </message>
    <message>
        <source>Regenerate answer</source>
        <translation>回答を再生成</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>編集して再送信</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s</source>
        <translation>%1 トークン · %2 トークン/秒</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>折りたたむ</translation>
    </message>
    <message>
        <source>Show all (%1 characters)</source>
        <translation>すべて表示（%1 文字）</translation>
    </message>
    <message>
        <source>Outside the model&apos;s view</source>
        <translation>モデルの視野の外</translation>
    </message>
    <message>
        <source>The context is full: the answer ends here.</source>
        <translation>コンテキストが満杯です：回答はここで終わります。</translation>
    </message>
    <message>
        <source>Continue in a new chat with a summary</source>
        <translation>要約を付けて新しいチャットで続ける</translation>
    </message>
    <message>
        <source>Rest of the message</source>
        <translation>メッセージの残り</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>GGUF ファイルを開く</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF モデル (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Add a models folder</source>
        <translation>モデルフォルダーを追加</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>GGUF ファイルを開く…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Refresh the list of models</source>
        <translation>モデル一覧を更新</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>読み込み済み: %1</translation>
    </message>
    <message>
        <source>Device: %1 · context %2 tokens</source>
        <translation>デバイス: %1 · コンテキスト %2 トークン</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>読み込みの進行状況</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>モデルの読み込みをキャンセル</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>エラーメッセージ</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>モデルフォルダー: %1</translation>
    </message>
    <message>
        <source>Also looking in: %1</source>
        <translation>検索対象にも含む: %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Stop looking in %1</source>
        <translation>%1 を検索対象から外す</translation>
    </message>
    <message>
        <source>Reading the model files</source>
        <translation>モデルファイルを読み取り中</translation>
    </message>
    <message>
        <source>No models yet. Put a .gguf file in the models folder or open one.</source>
        <translation>まだモデルがありません。.gguf ファイルをモデルフォルダーに置くか、開いてください。</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>推論</translation>
    </message>
    <message>
        <source>tiny demo</source>
        <translation>小さなデモ</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>読み込み済み</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · context %4 · %5</source>
        <translation>%1 · %2 · パラメーター %3 · コンテキスト %4 · %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>読み込む</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 を読み込む</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>%1 を一覧から削除</translation>
    </message>
    <message>
        <source>Weights: %1 on the device, %2 in system memory</source>
        <translation>重み: デバイスに %1、システムメモリに %2</translation>
    </message>
    <message>
        <source>Weights: %1 on the device</source>
        <translation>重み: デバイスに %1</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>このコンピューターで見つかったモデル</translation>
    </message>
    <message>
        <source>Looking in the folders of LM Studio, Ollama, Jan, GPT4All, llama.cpp and Hugging Face…</source>
        <translation>LM Studio、Ollama、Jan、GPT4All、llama.cpp、Hugging Face のフォルダーを探しています…</translation>
    </message>
    <message>
        <source>No models from LM Studio, Ollama, Jan, GPT4All, llama.cpp or Hugging Face were found.</source>
        <translation>LM Studio、Ollama、Jan、GPT4All、llama.cpp、Hugging Face のモデルは見つかりませんでした。</translation>
    </message>
    <message>
        <source>The search stopped at its limit; there may be more.</source>
        <translation>検索は上限に達したため停止しました。ほかにもある可能性があります。</translation>
    </message>
    <message>
        <source>Sikao only reads these files; they stay where they are.</source>
        <translation>Sikao はこれらのファイルを読み取るだけで、移動はしません。</translation>
    </message>
    <message>
        <source>%1 (cannot run: %2)</source>
        <translation>%1（実行できません: %2）</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>%1 から · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message>
        <source>Thought for %1 s · %2 tokens</source>
        <translation>%1 秒間思考 · %2 トークン</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Open the reasoning inspector</source>
        <translation>推論インスペクターを開く</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>推論をコピー</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推論</translation>
    </message>
    <message>
        <source>Thinking… %1 s · %2 tokens</source>
        <translation>思考中… %1 秒 · %2 トークン</translation>
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
        <translation>サンプリング</translation>
    </message>
    <message>
        <source>Temperature (0: always the most likely token)</source>
        <translation>温度（0: 常に最も確率の高いトークン）</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0: オフ</translation>
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
        <translation>繰り返しペナルティ</translation>
    </message>
    <message>
        <source>New random seed for every answer</source>
        <translation>回答ごとに新しいランダムシード</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Maximum answer length (tokens)</source>
        <translation>回答の最大長（トークン）</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>コンテキスト長（トークン）</translation>
    </message>
    <message>
        <source>0: the model&apos;s own. Applies when a model is loaded.</source>
        <translation>0: モデル自身の値。モデルの読み込み時に適用されます。</translation>
    </message>
    <message>
        <source>Restore the default sampling settings</source>
        <translation>サンプリング設定を既定に戻す</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>既定のシステムプロンプト</translation>
    </message>
    <message>
        <source>Sent at the start of every new chat. Leave it empty to use none.</source>
        <translation>新しいチャットの最初に送られます。空欄なら使用しません。</translation>
    </message>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>あなたは親切なアシスタントです。</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外観</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>システムと同じ</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>フォントサイズ</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>The graphics device that runs the model. A change applies the next time a model is loaded.</source>
        <translation>モデルを実行するグラフィックスデバイス。変更は次にモデルを読み込むときに適用されます。</translation>
    </message>
    <message>
        <source>Automatic (the fastest device)</source>
        <translation>自動（最速のデバイス）</translation>
    </message>
    <message>
        <source>%1 — %2, %3 memory</source>
        <translation>%1 — %2、メモリ %3</translation>
    </message>
    <message>
        <source>Looking for devices</source>
        <translation>デバイスを検索中</translation>
    </message>
    <message>
        <source>Device memory budget (MB)</source>
        <translation>デバイスメモリの上限 (MB)</translation>
    </message>
    <message>
        <source>0: automatic (90% of a graphics card&apos;s own memory). A mixture-of-experts model beyond it keeps experts in system memory. Applies when a model is loaded.</source>
        <translation>0: 自動（グラフィックカード自身のメモリの 90%）。これを超える Mixture-of-Experts モデルは、エキスパートをシステムメモリに置きます。モデルの読み込み時に適用されます。</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>新しいチャットを開始 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>すべてのチャットを検索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>Reasoning: </source>
        <translation>推論: </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>一致なし</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>ピン留め済み</translation>
    </message>
    <message>
        <source>New title</source>
        <translation>新しいタイトル</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>会話の操作</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>名前を変更</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>ピン留めを解除</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>ピン留め</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Markdown としてエクスポート…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>JSON としてエクスポート…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>「%1」を削除しました</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>削除を元に戻す</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>チャットをエクスポート</translation>
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
        <translation>モデル</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>モデルを管理</translation>
    </message>
    <message>
        <source>Choose, open and load models</source>
        <translation>モデルを選択・開く・読み込む</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Sampling, system prompt, appearance, language and device (Ctrl+,)</source>
        <translation>サンプリング、システムプロンプト、外観、言語、デバイス（Ctrl+,）</translation>
    </message>
    <message>
        <source>Hide the conversations (Ctrl+B)</source>
        <translation>会話一覧を隠す (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>SidebarRail</name>
    <message>
        <source>Show the conversations (Ctrl+B)</source>
        <translation>会話一覧を表示 (Ctrl+B)</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>すべてのチャットを検索</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
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
        <translation>チャットを始める</translation>
    </message>
    <message>
        <source>Model: %1 on %2, context %3 tokens.</source>
        <translation>モデル：%1（%2 上）、コンテキスト %3 トークン。</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>モデルが読み込まれていません。</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>モデルの読み込み状況</translation>
    </message>
    <message>
        <source>Type a message below. A reasoning model shows its thinking above the answer; open it to inspect every step and how sure the model was of each token.</source>
        <translation>下にメッセージを入力してください。推論モデルは回答の上に思考を表示します。開くと各ステップと、モデルが各トークンをどれだけ確信していたかを確認できます。</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>モデル…</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>モデルを管理</translation>
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
        <translation>これは Sikao の小さなデモモデルです。簡単な計算と比較しかできません。本格的なアシスタントには、「モデル」から自分のモデルを読み込んでください。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No model</source>
        <translation>モデルなし</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>モデル: %1</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>モデルを読み込み中…</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>モデルの読み込み進行状況</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>モデルの読み込みをキャンセル</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>デバイス: %1</translation>
    </message>
    <message>
        <source>Context %1 / %2</source>
        <translation>コンテキスト %1 / %2</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 トークン/秒</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>生成中…（Esc で停止）</translation>
    </message>
    <message>
        <source>Built-in chat format</source>
        <translation>組み込みのチャット形式</translation>
    </message>
    <message>
        <source>The model&apos;s chat template could not be used, so the built-in format was used instead: %1</source>
        <translation>モデルのチャットテンプレートを使用できなかったため、組み込みの形式を使用しました: %1</translation>
    </message>
    <message>
        <source>History read-only</source>
        <translation>履歴は読み取り専用</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>履歴は読み取り専用です。新しいメッセージは保存できません。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The history database was damaged (%1). It was kept as %2 and a new one started.</source>
        <translation>履歴データベースが破損していました（%1）。%2 として保存し、新しいデータベースを作成しました。</translation>
    </message>
    <message>
        <source>The history cannot be opened (%1). This session&apos;s chats are kept in %2 only.</source>
        <translation>履歴を開けません（%1）。このセッションのチャットは %2 にのみ保存されます。</translation>
    </message>
    <message>
        <source>The history at %1 cannot be written (read-only). Past chats are shown; new messages are not saved.</source>
        <translation>%1 の履歴に書き込めません（読み取り専用）。過去のチャットは表示されますが、新しいメッセージは保存されません。</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>モデルはまだ読み込み中です。</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model to start chatting.</source>
        <translation>モデルが読み込まれていません。GGUF モデルを開いてチャットを始めてください。</translation>
    </message>
    <message>
        <source>Wait for the answer or stop it.</source>
        <translation>回答が終わるまで待つか、停止してください。</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>履歴は読み取り専用です。新しいメッセージは保存できません。</translation>
    </message>
    <message>
        <source>1 earlier message is outside the model&apos;s view</source>
        <translation>以前のメッセージ 1 件がモデルの視野の外にあります</translation>
    </message>
    <message>
        <source>%1 earlier messages are outside the model&apos;s view</source>
        <translation>以前のメッセージ %1 件がモデルの視野の外にあります</translation>
    </message>
    <message>
        <source>This chat no longer fits the model&apos;s context (%1 tokens). Start a new chat, or turn off “Stop when the context is full” to leave the oldest messages out of the model&apos;s view.</source>
        <translation>この会話はモデルのコンテキスト（%1 トークン）に収まらなくなりました。新しい会話を始めるか、「コンテキストが満杯になったら止める」をオフにして、最も古いメッセージをモデルの視野から外してください。</translation>
    </message>
    <message>
        <source>(1 earlier message left out)</source>
        <translation>（以前のメッセージ 1 件を省略）</translation>
    </message>
    <message>
        <source>(%1 earlier messages left out)</source>
        <translation>（以前のメッセージ %1 件を省略）</translation>
    </message>
    <message>
        <source>Summarise our earlier conversation so that we can continue it. Write only the summary: what it was about, what was found or decided, and what is still open. The conversation:

%1</source>
        <translation>続きができるように、これまでの会話を要約してください。要約だけを書いてください：何についての会話か、何がわかり何が決まったか、何が未解決か。会話：

%1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1（続き）</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>ピン留め済み</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>それ以前</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <source>Unknown export format &quot;%1&quot; (use md or json)</source>
        <translation>不明なエクスポート形式「%1」（md または json を使用してください）</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>sikao::ui::DeviceListModel</name>
    <message>
        <source>discrete GPU</source>
        <translation>ディスクリート GPU</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>統合 GPU</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>仮想 GPU</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>sikao::ui::FoundModelList</name>
    <message>
        <source>Sikao cannot run the %1 architecture yet</source>
        <translation>Sikao はまだ %1 アーキテクチャを実行できません</translation>
    </message>
    <message>
        <source>Sikao cannot run tensor type %1 yet</source>
        <translation>Sikao はまだテンソル型 %1 を実行できません</translation>
    </message>
    <message>
        <source>Not a model Sikao can read</source>
        <translation>Sikao が読み取れるモデルではありません</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>AttachedTextCards</name>
    <message>
        <source>Pasted text</source>
        <translation>متن چسبانده‌شده</translation>
    </message>
    <message>
        <source>%1 lines · %2 characters</source>
        <translation>%1 خط · %2 نویسه</translation>
    </message>
    <message>
        <source>Leave this text out of the message</source>
        <translation>این متن را از پیام کنار بگذار</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <translation>پیام‌ها</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>پیش از پاسخ فکر کن</translation>
    </message>
    <message>
        <source>Models whose template reads enable_thinking answer directly when this is off.</source>
        <translation>مدل‌هایی که قالبشان enable_thinking را می‌خواند، وقتی این گزینه خاموش باشد مستقیم پاسخ می‌دهند.</translation>
    </message>
    <message>
        <source>Reasoning budget</source>
        <translation>بودجهٔ استدلال</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>نامحدود</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 توکن</translation>
    </message>
    <message>
        <source>Reasoning budget in tokens</source>
        <translation>بودجهٔ استدلال به توکن</translation>
    </message>
    <message>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>پیام (Enter برای ارسال، Shift+Enter برای خط جدید)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>پیام</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>ارسال</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>ارسال پیام</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>توقف</translation>
    </message>
    <message>
        <source>Stop generating</source>
        <translation>توقف تولید</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>پیام سیستمی</translation>
    </message>
    <message>
        <source>System prompt ✓</source>
        <translation>پیام سیستمی ✓</translation>
    </message>
    <message>
        <source>Edit this chat&apos;s system prompt</source>
        <translation>ویرایش پیام سیستمی این گفتگو</translation>
    </message>
    <message>
        <source>Instructions the model follows in this chat. New chats start with the default from the settings.</source>
        <translation>دستورهایی که مدل در این گفتگو دنبال می‌کند. گفتگوهای تازه با پیش‌فرض تنظیمات شروع می‌شوند.</translation>
    </message>
    <message>
        <source>Instructions for the model in this chat (empty: none)</source>
        <translation>دستورها برای مدل در این گفتگو (خالی: هیچ)</translation>
    </message>
    <message>
        <source>System prompt of this chat</source>
        <translation>پیام سیستمی این گفتگو</translation>
    </message>
    <message>
        <source>Stop when the context is full</source>
        <translation>توقف هنگام پر شدن زمینه</translation>
    </message>
    <message>
        <source>Off: when the chat outgrows the model&apos;s context, its oldest messages are left out of the model&apos;s view and the chat goes on.</source>
        <translation>خاموش: وقتی گفتگو از زمینهٔ مدل بزرگ‌تر شود، قدیمی‌ترین پیام‌ها از دید مدل بیرون می‌روند و گفتگو ادامه می‌یابد.</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>میزان استدلال</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>کم</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>متوسط</translation>
    </message>
    <message>
        <source>High</source>
        <translation>زیاد</translation>
    </message>
    <message>
        <source>How long the model reasons before it answers.</source>
        <translation>مدتی که مدل پیش از پاسخ دادن استدلال می‌کند.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>رونوشت از کد</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The model file is not there any more. It may have been moved or deleted.</source>
        <translation>فایل مدل دیگر وجود ندارد. شاید جابه‌جا یا حذف شده باشد.</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it exists and that you may read it.</source>
        <translation>فایل خوانده نشد. بررسی کنید که وجود دارد و اجازهٔ خواندن آن را دارید.</translation>
    </message>
    <message>
        <source>This is not a usable GGUF model file: it is damaged or incomplete.</source>
        <translation>این یک فایل مدل GGUF قابل استفاده نیست: آسیب دیده یا ناقص است.</translation>
    </message>
    <message>
        <source>Sikao cannot run this kind of model (its architecture is not supported).</source>
        <translation>Sikao نمی‌تواند این نوع مدل را اجرا کند (معماری آن پشتیبانی نمی‌شود).</translation>
    </message>
    <message>
        <source>Sikao cannot run this model&apos;s quantisation type.</source>
        <translation>Sikao نمی‌تواند نوع کوانتیزه‌سازی این مدل را اجرا کند.</translation>
    </message>
    <message>
        <source>Sikao cannot run this model: it uses something not supported yet.</source>
        <translation>Sikao نمی‌تواند این مدل را اجرا کند: از چیزی استفاده می‌کند که هنوز پشتیبانی نمی‌شود.</translation>
    </message>
    <message>
        <source>No usable graphics device was found. Install a Vulkan driver for your GPU.</source>
        <translation>هیچ دستگاه گرافیکی قابل استفاده‌ای پیدا نشد. یک درایور Vulkan برای GPU خود نصب کنید.</translation>
    </message>
    <message>
        <source>The graphics device stopped responding. Load the model again.</source>
        <translation>دستگاه گرافیکی دیگر پاسخ نمی‌دهد. مدل را دوباره بارگذاری کنید.</translation>
    </message>
    <message>
        <source>There is not enough memory for this model. Try a smaller model or a shorter context.</source>
        <translation>حافظهٔ کافی برای این مدل وجود ندارد. مدلی کوچک‌تر یا زمینه‌ای کوتاه‌تر را امتحان کنید.</translation>
    </message>
    <message>
        <source>The graphics device reported an error.</source>
        <translation>دستگاه گرافیکی خطایی گزارش کرد.</translation>
    </message>
    <message>
        <source>The engine could not do what was asked.</source>
        <translation>موتور نتوانست کار خواسته‌شده را انجام دهد.</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>بارگذاری لغو شد.</translation>
    </message>
    <message>
        <source>The chat history could not be written.</source>
        <translation>تاریخچهٔ گفتگوها نوشته نشد.</translation>
    </message>
    <message>
        <source>The disk is full: the chat history could not be saved.</source>
        <translation>دیسک پر است: تاریخچهٔ گفتگوها ذخیره نشد.</translation>
    </message>
    <message>
        <source>Another program is using the chat history. Try again in a moment.</source>
        <translation>برنامهٔ دیگری از تاریخچهٔ گفتگوها استفاده می‌کند. کمی بعد دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The chat history database is damaged.</source>
        <translation>پایگاه دادهٔ تاریخچهٔ گفتگوها آسیب دیده است.</translation>
    </message>
    <message>
        <source>The chat history was written by a newer version of Sikao.</source>
        <translation>تاریخچهٔ گفتگوها با نسخهٔ جدیدتری از Sikao نوشته شده است.</translation>
    </message>
    <message>
        <source>This file is not a chat exported by Sikao.</source>
        <translation>این فایل گفتگویی نیست که Sikao صادر کرده باشد.</translation>
    </message>
    <message>
        <source>That chat or message no longer exists.</source>
        <translation>آن گفتگو یا پیام دیگر وجود ندارد.</translation>
    </message>
    <message>
        <source>Something went wrong inside Sikao.</source>
        <translation>مشکلی درون Sikao پیش آمد.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Sikao</source>
        <translation>به Sikao خوش آمدید</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>باز کردن فایل GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>مدل‌های GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>همه فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Sikao runs a language model on your own computer; nothing you type leaves it. A model is one file in the GGUF format, and you have none yet.</source>
        <translation>Sikao یک مدل زبانی را روی رایانهٔ خودتان اجرا می‌کند و هیچ‌چیز از آنچه می‌نویسید از آن خارج نمی‌شود. مدل یک فایل با قالب GGUF است و هنوز هیچ مدلی ندارید.</translation>
    </message>
    <message>
        <source>1. Get a model</source>
        <translation>۱. یک مدل تهیه کنید</translation>
    </message>
    <message>
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral and gpt-oss model families.</source>
        <translation>در هر رایانه‌ای که مرورگر وب دارد، فایل GGUF یک مدل استدلالی کوچک را دانلود کنید، مثلاً Qwen3-1.7B یا DeepSeek-R1-Distill-Qwen-1.5B. نسخهٔ Q4_K_M (حدود ۱ تا ۲ گیگابایت) شروع خوبی است. Sikao خانواده‌های مدل Llama، Qwen، Gemma، Phi، SmolLM، Granite، Mistral و gpt-oss را اجرا می‌کند.</translation>
    </message>
    <message>
        <source>2. Put it in the models folder</source>
        <translation>۲. آن را در پوشهٔ مدل‌ها بگذارید</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>پوشهٔ مدل‌ها</translation>
    </message>
    <message>
        <source>Open the models folder</source>
        <translation>باز کردن پوشهٔ مدل‌ها</translation>
    </message>
    <message>
        <source>I put it there: look again</source>
        <translation>گذاشتم: دوباره بگرد</translation>
    </message>
    <message>
        <source>Or open a GGUF file from anywhere:</source>
        <translation>یا یک فایل GGUF را از هر جایی باز کنید:</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>باز کردن فایل GGUF…</translation>
    </message>
    <message>
        <source>Just looking? Try the demo model</source>
        <translation>فقط می‌خواهید ببینید؟ مدل نمایشی را امتحان کنید</translation>
    </message>
    <message>
        <source>A tiny demonstration model (about one million parameters) comes with Sikao. It only does simple arithmetic and comparisons, but it shows its reasoning the way real reasoning models do. It is not a general assistant.</source>
        <translation>Sikao یک مدل نمایشی بسیار کوچک (حدود یک میلیون پارامتر) همراه دارد. این مدل فقط حساب ساده و مقایسه انجام می‌دهد، اما استدلال خود را مانند مدل‌های استدلالی واقعی نشان می‌دهد. یک دستیار همه‌منظوره نیست.</translation>
    </message>
    <message>
        <source>Load the demo model</source>
        <translation>بارگذاری مدل نمایشی</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
</context>
<context>
    <name>FoundModelsOffer</name>
    <message>
        <source>You already have models Sikao can run</source>
        <translation>از قبل مدل‌هایی دارید که Sikao می‌تواند اجرا کند</translation>
    </message>
    <message>
        <source>Other apps keep these on this computer. Sikao only reads them; they stay where they are.</source>
        <translation>برنامه‌های دیگر این‌ها را روی این رایانه نگه می‌دارند. Sikao فقط آن‌ها را می‌خواند و در جای خود می‌مانند.</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>از %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>بارگذاری</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>بارگذاری %1</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Reasoning inspector</source>
        <translation>بازرس استدلال</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>رونوشت از استدلال</translation>
    </message>
    <message>
        <source>Close the inspector</source>
        <translation>بستن بازرس</translation>
    </message>
    <message>
        <source>Find in reasoning</source>
        <translation>جستجو در استدلال</translation>
    </message>
    <message>
        <source>Reasoning steps</source>
        <translation>گام‌های استدلال</translation>
    </message>
    <message>
        <source>Step %1 · %2 tokens · mean confidence %3%</source>
        <translation>گام %1 · %2 توکن · میانگین اطمینان %3%</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>گام %1</translation>
    </message>
    <message>
        <source>“%1”: %2%</source>
        <translation>«%1»: %2%</translation>
    </message>
    <message>
        <source>No token probabilities were stored for this answer.</source>
        <translation>احتمال توکن‌ها برای این پاسخ ذخیره نشده است.</translation>
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
        <translation>بستن</translation>
    </message>
    <message>
        <source>Back to chat</source>
        <translation>بازگشت به گفتگو</translation>
    </message>
    <message>
        <source>Back to chat (Esc)</source>
        <translation>بازگشت به گفتگو (Esc)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>شما</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>دستیار</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>متوقف شد</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>خطا: %1</translation>
    </message>
    <message>
        <source>Edited message</source>
        <translation>پیام ویرایش‌شده</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>ارسال</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>نسخهٔ قبلی</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>نسخهٔ بعدی</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>رونوشت از پیام</translation>
    </message>
    <message>
        <source>Regenerate answer</source>
        <translation>تولید دوبارهٔ پاسخ</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>ویرایش و ارسال دوباره</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s</source>
        <translation>%1 توکن · %2 توکن/ثانیه</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>پیام</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>نمایش کمتر</translation>
    </message>
    <message>
        <source>Show all (%1 characters)</source>
        <translation>نمایش همه (%1 نویسه)</translation>
    </message>
    <message>
        <source>Outside the model&apos;s view</source>
        <translation>بیرون از دید مدل</translation>
    </message>
    <message>
        <source>The context is full: the answer ends here.</source>
        <translation>زمینه پر است: پاسخ همین‌جا تمام می‌شود.</translation>
    </message>
    <message>
        <source>Continue in a new chat with a summary</source>
        <translation>ادامه در گفتگوی جدید با یک خلاصه</translation>
    </message>
    <message>
        <source>Rest of the message</source>
        <translation>بقیهٔ پیام</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <source>Models</source>
        <translation>مدل‌ها</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>باز کردن فایل GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>مدل‌های GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>همه فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Add a models folder</source>
        <translation>افزودن پوشهٔ مدل</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>باز کردن فایل GGUF…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>افزودن پوشه…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>Refresh the list of models</source>
        <translation>تازه‌سازی فهرست مدل‌ها</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>در حال بارگذاری %1…</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>بارگذاری شد: %1</translation>
    </message>
    <message>
        <source>Device: %1 · context %2 tokens</source>
        <translation>دستگاه: %1 · زمینه %2 توکن</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>پیشرفت بارگذاری</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1٪</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>لغو بارگذاری مدل</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>پیام خطا</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>پوشهٔ مدل‌ها: %1</translation>
    </message>
    <message>
        <source>Also looking in: %1</source>
        <translation>جست‌وجو همچنین در: %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Stop looking in %1</source>
        <translation>دیگر در %1 جست‌وجو نکن</translation>
    </message>
    <message>
        <source>Reading the model files</source>
        <translation>در حال خواندن فایل‌های مدل</translation>
    </message>
    <message>
        <source>No models yet. Put a .gguf file in the models folder or open one.</source>
        <translation>هنوز مدلی نیست. یک فایل ‎.gguf در پوشهٔ مدل‌ها بگذارید یا یکی را باز کنید.</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>استدلال</translation>
    </message>
    <message>
        <source>tiny demo</source>
        <translation>نمایشی کوچک</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>بارگذاری‌شده</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · context %4 · %5</source>
        <translation>%1 · %2 · %3 پارامتر · زمینه %4 · %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>بارگذاری</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>بارگذاری %1</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>حذف %1 از فهرست</translation>
    </message>
    <message>
        <source>Weights: %1 on the device, %2 in system memory</source>
        <translation>وزن‌ها: %1 روی دستگاه، %2 در حافظهٔ سیستم</translation>
    </message>
    <message>
        <source>Weights: %1 on the device</source>
        <translation>وزن‌ها: %1 روی دستگاه</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>یافت‌شده در این رایانه</translation>
    </message>
    <message>
        <source>Looking in the folders of LM Studio, Ollama, Jan, GPT4All, llama.cpp and Hugging Face…</source>
        <translation>در حال جست‌وجو در پوشه‌های LM Studio، Ollama، Jan، GPT4All، llama.cpp و Hugging Face…</translation>
    </message>
    <message>
        <source>No models from LM Studio, Ollama, Jan, GPT4All, llama.cpp or Hugging Face were found.</source>
        <translation>هیچ مدلی از LM Studio، Ollama، Jan، GPT4All، llama.cpp یا Hugging Face یافت نشد.</translation>
    </message>
    <message>
        <source>The search stopped at its limit; there may be more.</source>
        <translation>جست‌وجو به سقف خود رسید و متوقف شد؛ ممکن است موارد بیشتری باشد.</translation>
    </message>
    <message>
        <source>Sikao only reads these files; they stay where they are.</source>
        <translation>Sikao فقط این فایل‌ها را می‌خواند؛ آن‌ها سر جای خود می‌مانند.</translation>
    </message>
    <message>
        <source>%1 (cannot run: %2)</source>
        <translation>%1 (قابل اجرا نیست: %2)</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>از %1 · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message>
        <source>Thought for %1 s · %2 tokens</source>
        <translation>%1 ثانیه فکر کرد · %2 توکن</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>بررسی</translation>
    </message>
    <message>
        <source>Open the reasoning inspector</source>
        <translation>باز کردن بازرس استدلال</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>رونوشت از استدلال</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>استدلال</translation>
    </message>
    <message>
        <source>Thinking… %1 s · %2 tokens</source>
        <translation>در حال فکر… %1 ثانیه · %2 توکن</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>نمونه‌برداری</translation>
    </message>
    <message>
        <source>Temperature (0: always the most likely token)</source>
        <translation>دما (0: همیشه محتمل‌ترین توکن)</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0: خاموش</translation>
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
        <translation>جریمهٔ تکرار</translation>
    </message>
    <message>
        <source>New random seed for every answer</source>
        <translation>بذر تصادفی تازه برای هر پاسخ</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>بذر</translation>
    </message>
    <message>
        <source>Maximum answer length (tokens)</source>
        <translation>حداکثر طول پاسخ (توکن)</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>طول زمینه (توکن)</translation>
    </message>
    <message>
        <source>0: the model&apos;s own. Applies when a model is loaded.</source>
        <translation>0: مقدار خود مدل. هنگام بارگذاری مدل اعمال می‌شود.</translation>
    </message>
    <message>
        <source>Restore the default sampling settings</source>
        <translation>بازگرداندن تنظیمات پیش‌فرض نمونه‌برداری</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>پرامپت سیستمی پیش‌فرض</translation>
    </message>
    <message>
        <source>Sent at the start of every new chat. Leave it empty to use none.</source>
        <translation>در آغاز هر گفت‌وگوی تازه فرستاده می‌شود. برای استفاده نکردن، خالی بگذارید.</translation>
    </message>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>تو یک دستیار مفید هستی.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>ظاهر</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>پوسته</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>مانند سیستم</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>اندازهٔ قلم</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>The graphics device that runs the model. A change applies the next time a model is loaded.</source>
        <translation>دستگاه گرافیکی که مدل را اجرا می‌کند. تغییر از بارگذاری بعدی مدل اعمال می‌شود.</translation>
    </message>
    <message>
        <source>Automatic (the fastest device)</source>
        <translation>خودکار (سریع‌ترین دستگاه)</translation>
    </message>
    <message>
        <source>%1 — %2, %3 memory</source>
        <translation>%1 — %2، حافظهٔ %3</translation>
    </message>
    <message>
        <source>Looking for devices</source>
        <translation>در حال جست‌وجوی دستگاه‌ها</translation>
    </message>
    <message>
        <source>Device memory budget (MB)</source>
        <translation>بودجهٔ حافظهٔ دستگاه (مگابایت)</translation>
    </message>
    <message>
        <source>0: automatic (90% of a graphics card&apos;s own memory). A mixture-of-experts model beyond it keeps experts in system memory. Applies when a model is loaded.</source>
        <translation>0: خودکار (90٪ از حافظهٔ خودِ کارت گرافیک). مدل ترکیب متخصصان که از آن فراتر رود، متخصصان را در حافظهٔ سیستم نگه می‌دارد. هنگام بارگذاری مدل اعمال می‌شود.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>گفتگوی جدید</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>شروع گفتگوی جدید (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>جستجو در همهٔ گفتگوها</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتایج جستجو</translation>
    </message>
    <message>
        <source>Reasoning: </source>
        <translation>استدلال: </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>موردی یافت نشد</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>گفتگوها</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>سنجاق‌شده</translation>
    </message>
    <message>
        <source>New title</source>
        <translation>عنوان جدید</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>کارهای گفتگو</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>تغییر نام</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>برداشتن سنجاق</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>سنجاق کردن</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>برون‌بری به Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>برون‌بری به JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>«%1» حذف شد</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>واگرد</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>واگرد حذف</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>برون‌بری گفتگو</translation>
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
        <translation>مدل‌ها</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>مدیریت مدل‌ها</translation>
    </message>
    <message>
        <source>Choose, open and load models</source>
        <translation>انتخاب، باز کردن و بارگذاری مدل‌ها</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>Sampling, system prompt, appearance, language and device (Ctrl+,)</source>
        <translation>نمونه‌برداری، پیام سیستمی، ظاهر، زبان و دستگاه (Ctrl+,)</translation>
    </message>
    <message>
        <source>Hide the conversations (Ctrl+B)</source>
        <translation>پنهان کردن گفتگوها (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>SidebarRail</name>
    <message>
        <source>Show the conversations (Ctrl+B)</source>
        <translation>نمایش گفتگوها (Ctrl+B)</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>گفتگوی جدید</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>جستجو در همهٔ گفتگوها</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>مدل‌ها</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
</context>
<context>
    <name>StartupPanel</name>
    <message>
        <source>Start a chat</source>
        <translation>شروع گفتگو</translation>
    </message>
    <message>
        <source>Model: %1 on %2, context %3 tokens.</source>
        <translation>مدل: %1 روی %2، زمینه %3 توکن.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>در حال بارگذاری %1…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>هیچ مدلی بارگذاری نشده است.</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>پیشرفت بارگذاری مدل</translation>
    </message>
    <message>
        <source>Type a message below. A reasoning model shows its thinking above the answer; open it to inspect every step and how sure the model was of each token.</source>
        <translation>پیامی در پایین بنویسید. مدل استدلالی فکرش را بالای پاسخ نشان می‌دهد؛ آن را باز کنید تا هر گام و میزان اطمینان مدل به هر توکن را ببینید.</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>مدل‌ها…</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>مدیریت مدل‌ها</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>تنظیمات…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>This is Sikao&apos;s tiny demo model: it only does simple arithmetic and comparisons. For a real assistant, load a model of your own from Models.</source>
        <translation>این مدل آزمایشی کوچک Sikao است: فقط حساب ساده و مقایسه انجام می‌دهد. برای یک دستیار واقعی، مدل خودتان را از «مدل‌ها» بارگذاری کنید.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No model</source>
        <translation>بدون مدل</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>مدل: %1</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>در حال بارگذاری مدل…</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>پیشرفت بارگذاری مدل</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>لغو بارگذاری مدل</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>دستگاه: %1</translation>
    </message>
    <message>
        <source>Context %1 / %2</source>
        <translation>زمینه %1 / %2</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 توکن/ثانیه</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>در حال تولید… (Esc برای توقف)</translation>
    </message>
    <message>
        <source>Built-in chat format</source>
        <translation>قالب گفت‌وگوی داخلی</translation>
    </message>
    <message>
        <source>The model&apos;s chat template could not be used, so the built-in format was used instead: %1</source>
        <translation>قالب گفت‌وگوی مدل قابل استفاده نبود، پس قالب داخلی به کار رفت: %1</translation>
    </message>
    <message>
        <source>History read-only</source>
        <translation>تاریخچه فقط‌خواندنی</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>تاریخچه فقط‌خواندنی است: پیام‌های تازه ذخیره نمی‌شوند.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The history database was damaged (%1). It was kept as %2 and a new one started.</source>
        <translation>پایگاه دادهٔ تاریخچه آسیب دیده بود (%1). به نام %2 نگه داشته شد و پایگاه تازه‌ای ساخته شد.</translation>
    </message>
    <message>
        <source>The history cannot be opened (%1). This session&apos;s chats are kept in %2 only.</source>
        <translation>تاریخچه باز نمی‌شود (%1). گفتگوهای این نشست فقط در %2 نگه داشته می‌شوند.</translation>
    </message>
    <message>
        <source>The history at %1 cannot be written (read-only). Past chats are shown; new messages are not saved.</source>
        <translation>نمی‌توان در تاریخچهٔ %1 نوشت (فقط‌خواندنی). گفت‌وگوهای پیشین نمایش داده می‌شوند؛ پیام‌های تازه ذخیره نمی‌شوند.</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>گفتگوی جدید</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>مدل هنوز در حال بارگذاری است.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model to start chatting.</source>
        <translation>هیچ مدلی بارگذاری نشده است. برای شروع گفتگو یک مدل GGUF باز کنید.</translation>
    </message>
    <message>
        <source>Wait for the answer or stop it.</source>
        <translation>منتظر پاسخ بمانید یا آن را متوقف کنید.</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>تاریخچه فقط‌خواندنی است: پیام‌های تازه ذخیره نمی‌شوند.</translation>
    </message>
    <message>
        <source>1 earlier message is outside the model&apos;s view</source>
        <translation>یک پیام قبلی بیرون از دید مدل است</translation>
    </message>
    <message>
        <source>%1 earlier messages are outside the model&apos;s view</source>
        <translation>تعداد پیام‌های قبلی بیرون از دید مدل: %1</translation>
    </message>
    <message>
        <source>This chat no longer fits the model&apos;s context (%1 tokens). Start a new chat, or turn off “Stop when the context is full” to leave the oldest messages out of the model&apos;s view.</source>
        <translation>این گفتگو دیگر در زمینهٔ مدل (%1 توکن) جا نمی‌شود. گفتگوی تازه‌ای شروع کنید، یا «توقف هنگام پر شدن زمینه» را خاموش کنید تا قدیمی‌ترین پیام‌ها از دید مدل بیرون بروند.</translation>
    </message>
    <message>
        <source>(1 earlier message left out)</source>
        <translation>(یک پیام قبلی حذف شد)</translation>
    </message>
    <message>
        <source>(%1 earlier messages left out)</source>
        <translation>(تعداد پیام‌های قبلی حذف‌شده: %1)</translation>
    </message>
    <message>
        <source>Summarise our earlier conversation so that we can continue it. Write only the summary: what it was about, what was found or decided, and what is still open. The conversation:

%1</source>
        <translation>گفتگوی قبلی ما را خلاصه کن تا بتوانیم آن را ادامه دهیم. فقط خلاصه را بنویس: درباره‌ی چه بود، چه چیزی پیدا یا تصمیم گرفته شد و چه چیزی هنوز باز است. گفتگو:

%1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (ادامه)</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>سنجاق‌شده</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>امروز</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>دیروز</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>۷ روز گذشته</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>قدیمی‌تر</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>گفتگوی جدید</translation>
    </message>
    <message>
        <source>Unknown export format &quot;%1&quot; (use md or json)</source>
        <translation>قالب برون‌بری ناشناخته «%1» (از md یا json استفاده کنید)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>نوشتن در %1 ممکن نیست: %2</translation>
    </message>
</context>
<context>
    <name>sikao::ui::DeviceListModel</name>
    <message>
        <source>discrete GPU</source>
        <translation>GPU مجزا</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>GPU یکپارچه</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>GPU مجازی</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>other</source>
        <translation>دیگر</translation>
    </message>
</context>
<context>
    <name>sikao::ui::FoundModelList</name>
    <message>
        <source>Sikao cannot run the %1 architecture yet</source>
        <translation>Sikao هنوز نمی‌تواند معماری %1 را اجرا کند</translation>
    </message>
    <message>
        <source>Sikao cannot run tensor type %1 yet</source>
        <translation>Sikao هنوز نمی‌تواند نوع تنسور %1 را اجرا کند</translation>
    </message>
    <message>
        <source>Not a model Sikao can read</source>
        <translation>مدلی نیست که Sikao بتواند بخواند</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AttachedTextCards</name>
    <message>
        <source>Pasted text</source>
        <translation>Вставленный текст</translation>
    </message>
    <message>
        <source>%1 lines · %2 characters</source>
        <translation>строк: %1 · символов: %2</translation>
    </message>
    <message>
        <source>Leave this text out of the message</source>
        <translation>Не включать этот текст в сообщение</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>Думать перед ответом</translation>
    </message>
    <message>
        <source>Models whose template reads enable_thinking answer directly when this is off.</source>
        <translation>Модели, шаблон которых читает enable_thinking, отвечают сразу, если этот параметр выключен.</translation>
    </message>
    <message>
        <source>Reasoning budget</source>
        <translation>Бюджет рассуждений</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>без ограничений</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>токенов: %1</translation>
    </message>
    <message>
        <source>Reasoning budget in tokens</source>
        <translation>Бюджет рассуждений в токенах</translation>
    </message>
    <message>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>Сообщение (Enter — отправить, Shift+Enter — новая строка)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Отправить сообщение</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Stop generating</source>
        <translation>Остановить генерацию</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Системный промпт</translation>
    </message>
    <message>
        <source>System prompt ✓</source>
        <translation>Системный промпт ✓</translation>
    </message>
    <message>
        <source>Edit this chat&apos;s system prompt</source>
        <translation>Изменить системный промпт этого чата</translation>
    </message>
    <message>
        <source>Instructions the model follows in this chat. New chats start with the default from the settings.</source>
        <translation>Инструкции, которым модель следует в этом чате. Новые чаты начинаются с варианта по умолчанию из настроек.</translation>
    </message>
    <message>
        <source>Instructions for the model in this chat (empty: none)</source>
        <translation>Инструкции для модели в этом чате (пусто: нет)</translation>
    </message>
    <message>
        <source>System prompt of this chat</source>
        <translation>Системный промпт этого чата</translation>
    </message>
    <message>
        <source>Stop when the context is full</source>
        <translation>Останавливаться, когда контекст заполнен</translation>
    </message>
    <message>
        <source>Off: when the chat outgrows the model&apos;s context, its oldest messages are left out of the model&apos;s view and the chat goes on.</source>
        <translation>Выключено: когда чат перерастает контекст модели, самые старые сообщения выходят из поля зрения модели, и чат продолжается.</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Усилие рассуждения</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Низкое</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Среднее</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Высокое</translation>
    </message>
    <message>
        <source>How long the model reasons before it answers.</source>
        <translation>Как долго модель рассуждает перед ответом.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Копировать код</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The model file is not there any more. It may have been moved or deleted.</source>
        <translation>Файла модели больше нет. Возможно, он был перемещён или удалён.</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it exists and that you may read it.</source>
        <translation>Не удалось прочитать файл. Убедитесь, что он существует и у вас есть права на чтение.</translation>
    </message>
    <message>
        <source>This is not a usable GGUF model file: it is damaged or incomplete.</source>
        <translation>Это не пригодный файл модели GGUF: он повреждён или неполон.</translation>
    </message>
    <message>
        <source>Sikao cannot run this kind of model (its architecture is not supported).</source>
        <translation>Sikao не может запустить модель такого типа (её архитектура не поддерживается).</translation>
    </message>
    <message>
        <source>Sikao cannot run this model&apos;s quantisation type.</source>
        <translation>Sikao не поддерживает тип квантования этой модели.</translation>
    </message>
    <message>
        <source>Sikao cannot run this model: it uses something not supported yet.</source>
        <translation>Sikao не может запустить эту модель: она использует то, что пока не поддерживается.</translation>
    </message>
    <message>
        <source>No usable graphics device was found. Install a Vulkan driver for your GPU.</source>
        <translation>Не найдено подходящее графическое устройство. Установите драйвер Vulkan для вашего GPU.</translation>
    </message>
    <message>
        <source>The graphics device stopped responding. Load the model again.</source>
        <translation>Графическое устройство перестало отвечать. Загрузите модель снова.</translation>
    </message>
    <message>
        <source>There is not enough memory for this model. Try a smaller model or a shorter context.</source>
        <translation>Недостаточно памяти для этой модели. Попробуйте модель поменьше или более короткий контекст.</translation>
    </message>
    <message>
        <source>The graphics device reported an error.</source>
        <translation>Графическое устройство сообщило об ошибке.</translation>
    </message>
    <message>
        <source>The engine could not do what was asked.</source>
        <translation>Движок не смог выполнить запрошенное.</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Загрузка отменена.</translation>
    </message>
    <message>
        <source>The chat history could not be written.</source>
        <translation>Не удалось записать историю чатов.</translation>
    </message>
    <message>
        <source>The disk is full: the chat history could not be saved.</source>
        <translation>Диск заполнен: не удалось сохранить историю чатов.</translation>
    </message>
    <message>
        <source>Another program is using the chat history. Try again in a moment.</source>
        <translation>История чатов занята другой программой. Повторите попытку чуть позже.</translation>
    </message>
    <message>
        <source>The chat history database is damaged.</source>
        <translation>База данных истории чатов повреждена.</translation>
    </message>
    <message>
        <source>The chat history was written by a newer version of Sikao.</source>
        <translation>История чатов записана более новой версией Sikao.</translation>
    </message>
    <message>
        <source>This file is not a chat exported by Sikao.</source>
        <translation>Этот файл не является чатом, экспортированным из Sikao.</translation>
    </message>
    <message>
        <source>That chat or message no longer exists.</source>
        <translation>Этот чат или сообщение больше не существует.</translation>
    </message>
    <message>
        <source>Something went wrong inside Sikao.</source>
        <translation>Внутри Sikao что-то пошло не так.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Sikao</source>
        <translation>Добро пожаловать в Sikao</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>Открыть файл GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Модели GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Sikao runs a language model on your own computer; nothing you type leaves it. A model is one file in the GGUF format, and you have none yet.</source>
        <translation>Sikao запускает языковую модель на вашем компьютере; ничто из введённого вами не покидает его. Модель — это один файл в формате GGUF, а у вас их пока нет.</translation>
    </message>
    <message>
        <source>1. Get a model</source>
        <translation>1. Получите модель</translation>
    </message>
    <message>
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral and gpt-oss model families.</source>
        <translation>На любом компьютере с веб-браузером скачайте GGUF-файл небольшой рассуждающей модели, например Qwen3-1.7B или DeepSeek-R1-Distill-Qwen-1.5B. Для начала подойдёт версия Q4_K_M (около 1–2 ГБ). Sikao запускает модели семейств Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral и gpt-oss.</translation>
    </message>
    <message>
        <source>2. Put it in the models folder</source>
        <translation>2. Поместите её в папку моделей</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>Папка моделей</translation>
    </message>
    <message>
        <source>Open the models folder</source>
        <translation>Открыть папку моделей</translation>
    </message>
    <message>
        <source>I put it there: look again</source>
        <translation>Готово: искать снова</translation>
    </message>
    <message>
        <source>Or open a GGUF file from anywhere:</source>
        <translation>Или откройте файл GGUF из любого места:</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>Открыть файл GGUF…</translation>
    </message>
    <message>
        <source>Just looking? Try the demo model</source>
        <translation>Просто посмотреть? Попробуйте демо-модель</translation>
    </message>
    <message>
        <source>A tiny demonstration model (about one million parameters) comes with Sikao. It only does simple arithmetic and comparisons, but it shows its reasoning the way real reasoning models do. It is not a general assistant.</source>
        <translation>В комплекте с Sikao есть крошечная демонстрационная модель (около миллиона параметров). Она умеет только простую арифметику и сравнения, но показывает свои рассуждения так же, как настоящие рассуждающие модели. Это не универсальный ассистент.</translation>
    </message>
    <message>
        <source>Load the demo model</source>
        <translation>Загрузить демо-модель</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
</context>
<context>
    <name>FoundModelsOffer</name>
    <message>
        <source>You already have models Sikao can run</source>
        <translation>У вас уже есть модели, которые Sikao может запустить</translation>
    </message>
    <message>
        <source>Other apps keep these on this computer. Sikao only reads them; they stay where they are.</source>
        <translation>Их хранят на этом компьютере другие приложения. Sikao только читает их; они остаются на своих местах.</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>Из %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Загрузить %1</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Reasoning inspector</source>
        <translation>Инспектор рассуждений</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>Копировать рассуждение</translation>
    </message>
    <message>
        <source>Close the inspector</source>
        <translation>Закрыть инспектор</translation>
    </message>
    <message>
        <source>Find in reasoning</source>
        <translation>Найти в рассуждении</translation>
    </message>
    <message>
        <source>Reasoning steps</source>
        <translation>Шаги рассуждения</translation>
    </message>
    <message>
        <source>Step %1 · %2 tokens · mean confidence %3%</source>
        <translation>Шаг %1 · токенов: %2 · средняя уверенность %3%</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Шаг %1</translation>
    </message>
    <message>
        <source>“%1”: %2%</source>
        <translation>«%1»: %2%</translation>
    </message>
    <message>
        <source>No token probabilities were stored for this answer.</source>
        <translation>Для этого ответа вероятности токенов не сохранены.</translation>
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
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Back to chat</source>
        <translation>Назад к чату</translation>
    </message>
    <message>
        <source>Back to chat (Esc)</source>
        <translation>Назад к чату (Esc)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Вы</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Ассистент</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Остановлено</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>Edited message</source>
        <translation>Изменённое сообщение</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Предыдущая версия</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Следующая версия</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Копировать сообщение</translation>
    </message>
    <message>
        <source>Regenerate answer</source>
        <translation>Сгенерировать ответ заново</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>Изменить и отправить снова</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s</source>
        <translation>токенов: %1 · %2 токенов/с</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Свернуть</translation>
    </message>
    <message>
        <source>Show all (%1 characters)</source>
        <translation>Показать всё (%1 символов)</translation>
    </message>
    <message>
        <source>Outside the model&apos;s view</source>
        <translation>Вне поля зрения модели</translation>
    </message>
    <message>
        <source>The context is full: the answer ends here.</source>
        <translation>Контекст заполнен: ответ обрывается здесь.</translation>
    </message>
    <message>
        <source>Continue in a new chat with a summary</source>
        <translation>Продолжить в новом чате с кратким изложением</translation>
    </message>
    <message>
        <source>Rest of the message</source>
        <translation>Остальная часть сообщения</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <source>Models</source>
        <translation>Модели</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>Открыть файл GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Модели GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Add a models folder</source>
        <translation>Добавить папку моделей</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>Открыть файл GGUF…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Добавить папку…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Refresh the list of models</source>
        <translation>Обновить список моделей</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Загрузка %1…</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>Загружено: %1</translation>
    </message>
    <message>
        <source>Device: %1 · context %2 tokens</source>
        <translation>Устройство: %1 · контекст %2 токенов</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Ход загрузки</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>Отменить загрузку модели</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Сообщение об ошибке</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>Папка моделей: %1</translation>
    </message>
    <message>
        <source>Also looking in: %1</source>
        <translation>Также ищем в: %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Stop looking in %1</source>
        <translation>Больше не искать в %1</translation>
    </message>
    <message>
        <source>Reading the model files</source>
        <translation>Чтение файлов моделей</translation>
    </message>
    <message>
        <source>No models yet. Put a .gguf file in the models folder or open one.</source>
        <translation>Моделей пока нет. Поместите файл .gguf в папку моделей или откройте его.</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>рассуждения</translation>
    </message>
    <message>
        <source>tiny demo</source>
        <translation>мини-демо</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>загружена</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · context %4 · %5</source>
        <translation>%1 · %2 · %3 параметров · контекст %4 · %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Загрузить %1</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>Убрать %1 из списка</translation>
    </message>
    <message>
        <source>Weights: %1 on the device, %2 in system memory</source>
        <translation>Веса: %1 на устройстве, %2 в системной памяти</translation>
    </message>
    <message>
        <source>Weights: %1 on the device</source>
        <translation>Веса: %1 на устройстве</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>Найдено на этом компьютере</translation>
    </message>
    <message>
        <source>Looking in the folders of LM Studio, Ollama, Jan, GPT4All, llama.cpp and Hugging Face…</source>
        <translation>Поиск в папках LM Studio, Ollama, Jan, GPT4All, llama.cpp и Hugging Face…</translation>
    </message>
    <message>
        <source>No models from LM Studio, Ollama, Jan, GPT4All, llama.cpp or Hugging Face were found.</source>
        <translation>Модели LM Studio, Ollama, Jan, GPT4All, llama.cpp и Hugging Face не найдены.</translation>
    </message>
    <message>
        <source>The search stopped at its limit; there may be more.</source>
        <translation>Поиск остановился на своём пределе; моделей может быть больше.</translation>
    </message>
    <message>
        <source>Sikao only reads these files; they stay where they are.</source>
        <translation>Sikao только читает эти файлы; они остаются на своих местах.</translation>
    </message>
    <message>
        <source>%1 (cannot run: %2)</source>
        <translation>%1 (не запускается: %2)</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>Из %1 · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message>
        <source>Thought for %1 s · %2 tokens</source>
        <translation>Размышлял %1 с · токенов: %2</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Подробнее</translation>
    </message>
    <message>
        <source>Open the reasoning inspector</source>
        <translation>Открыть инспектор рассуждений</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>Копировать рассуждение</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Рассуждение</translation>
    </message>
    <message>
        <source>Thinking… %1 s · %2 tokens</source>
        <translation>Размышляет… %1 с · %2 токенов</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Сэмплирование</translation>
    </message>
    <message>
        <source>Temperature (0: always the most likely token)</source>
        <translation>Температура (0: всегда самый вероятный токен)</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0: выкл.</translation>
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
        <translation>Штраф за повторы</translation>
    </message>
    <message>
        <source>New random seed for every answer</source>
        <translation>Новое случайное зерно для каждого ответа</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Зерно</translation>
    </message>
    <message>
        <source>Maximum answer length (tokens)</source>
        <translation>Максимальная длина ответа (токены)</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>Длина контекста (токены)</translation>
    </message>
    <message>
        <source>0: the model&apos;s own. Applies when a model is loaded.</source>
        <translation>0: значение модели. Применяется при загрузке модели.</translation>
    </message>
    <message>
        <source>Restore the default sampling settings</source>
        <translation>Восстановить параметры сэмплирования по умолчанию</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>Системный промпт по умолчанию</translation>
    </message>
    <message>
        <source>Sent at the start of every new chat. Leave it empty to use none.</source>
        <translation>Отправляется в начале каждого нового чата. Оставьте пустым, чтобы не использовать.</translation>
    </message>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>Ты — полезный ассистент.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Внешний вид</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Размер шрифта</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>The graphics device that runs the model. A change applies the next time a model is loaded.</source>
        <translation>Графическое устройство, на котором работает модель. Изменение вступит в силу при следующей загрузке модели.</translation>
    </message>
    <message>
        <source>Automatic (the fastest device)</source>
        <translation>Автоматически (самое быстрое устройство)</translation>
    </message>
    <message>
        <source>%1 — %2, %3 memory</source>
        <translation>%1 — %2, %3 памяти</translation>
    </message>
    <message>
        <source>Looking for devices</source>
        <translation>Поиск устройств</translation>
    </message>
    <message>
        <source>Device memory budget (MB)</source>
        <translation>Лимит памяти устройства (МБ)</translation>
    </message>
    <message>
        <source>0: automatic (90% of a graphics card&apos;s own memory). A mixture-of-experts model beyond it keeps experts in system memory. Applies when a model is loaded.</source>
        <translation>0: автоматически (90 % собственной памяти видеокарты). Модель со смесью экспертов, которая в него не помещается, держит экспертов в системной памяти. Применяется при загрузке модели.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>Начать новый чат (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Искать во всех чатах</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <source>Reasoning: </source>
        <translation>Рассуждение: </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Нет совпадений</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Беседы</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Закреплённые</translation>
    </message>
    <message>
        <source>New title</source>
        <translation>Новое название</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>Действия с беседой</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Открепить</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Закрепить</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Экспорт в Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Экспорт в JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>Удалено: «%1»</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Отменить удаление</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>Экспорт чата</translation>
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
        <translation>Модели</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>Управление моделями</translation>
    </message>
    <message>
        <source>Choose, open and load models</source>
        <translation>Выбор, открытие и загрузка моделей</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Sampling, system prompt, appearance, language and device (Ctrl+,)</source>
        <translation>Сэмплирование, системный промпт, оформление, язык и устройство (Ctrl+,)</translation>
    </message>
    <message>
        <source>Hide the conversations (Ctrl+B)</source>
        <translation>Скрыть список бесед (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>SidebarRail</name>
    <message>
        <source>Show the conversations (Ctrl+B)</source>
        <translation>Показать список бесед (Ctrl+B)</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Искать во всех чатах</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Модели</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
</context>
<context>
    <name>StartupPanel</name>
    <message>
        <source>Start a chat</source>
        <translation>Начать чат</translation>
    </message>
    <message>
        <source>Model: %1 on %2, context %3 tokens.</source>
        <translation>Модель: %1 на %2, контекст %3 токенов.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Загрузка %1…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Модель не загружена.</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>Ход загрузки модели</translation>
    </message>
    <message>
        <source>Type a message below. A reasoning model shows its thinking above the answer; open it to inspect every step and how sure the model was of each token.</source>
        <translation>Введите сообщение ниже. Рассуждающая модель показывает ход мыслей над ответом; откройте его, чтобы изучить каждый шаг и уверенность модели в каждом токене.</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>Модели…</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>Управление моделями</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>This is Sikao&apos;s tiny demo model: it only does simple arithmetic and comparisons. For a real assistant, load a model of your own from Models.</source>
        <translation>Это крошечная демонстрационная модель Sikao: она умеет только простую арифметику и сравнения. Для настоящего помощника загрузите свою модель в разделе «Модели».</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No model</source>
        <translation>Нет модели</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Модель: %1</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Загрузка модели…</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>Ход загрузки модели</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>Отменить загрузку модели</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Устройство: %1</translation>
    </message>
    <message>
        <source>Context %1 / %2</source>
        <translation>Контекст %1 / %2</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 токенов/с</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>Генерация… (Esc — остановить)</translation>
    </message>
    <message>
        <source>Built-in chat format</source>
        <translation>Встроенный формат чата</translation>
    </message>
    <message>
        <source>The model&apos;s chat template could not be used, so the built-in format was used instead: %1</source>
        <translation>Шаблон чата модели использовать не удалось, поэтому применён встроенный формат: %1</translation>
    </message>
    <message>
        <source>History read-only</source>
        <translation>История только для чтения</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>История доступна только для чтения: новые сообщения нельзя сохранить.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The history database was damaged (%1). It was kept as %2 and a new one started.</source>
        <translation>База данных истории была повреждена (%1). Она сохранена как %2, создана новая.</translation>
    </message>
    <message>
        <source>The history cannot be opened (%1). This session&apos;s chats are kept in %2 only.</source>
        <translation>Не удаётся открыть историю (%1). Чаты этого сеанса хранятся только в %2.</translation>
    </message>
    <message>
        <source>The history at %1 cannot be written (read-only). Past chats are shown; new messages are not saved.</source>
        <translation>Историю в %1 нельзя изменить (только чтение). Прошлые чаты показаны; новые сообщения не сохраняются.</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>Модель ещё загружается.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model to start chatting.</source>
        <translation>Модель не загружена. Откройте модель GGUF, чтобы начать чат.</translation>
    </message>
    <message>
        <source>Wait for the answer or stop it.</source>
        <translation>Дождитесь ответа или остановите его.</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>История доступна только для чтения: новые сообщения нельзя сохранить.</translation>
    </message>
    <message>
        <source>1 earlier message is outside the model&apos;s view</source>
        <translation>Одно раннее сообщение вне поля зрения модели</translation>
    </message>
    <message>
        <source>%1 earlier messages are outside the model&apos;s view</source>
        <translation>Ранних сообщений вне поля зрения модели: %1</translation>
    </message>
    <message>
        <source>This chat no longer fits the model&apos;s context (%1 tokens). Start a new chat, or turn off “Stop when the context is full” to leave the oldest messages out of the model&apos;s view.</source>
        <translation>Этот чат больше не помещается в контекст модели (%1 токенов). Начните новый чат или выключите «Останавливаться, когда контекст заполнен», чтобы самые старые сообщения вышли из поля зрения модели.</translation>
    </message>
    <message>
        <source>(1 earlier message left out)</source>
        <translation>(1 раннее сообщение пропущено)</translation>
    </message>
    <message>
        <source>(%1 earlier messages left out)</source>
        <translation>(пропущено ранних сообщений: %1)</translation>
    </message>
    <message>
        <source>Summarise our earlier conversation so that we can continue it. Write only the summary: what it was about, what was found or decided, and what is still open. The conversation:

%1</source>
        <translation>Кратко изложи наш предыдущий разговор, чтобы мы могли его продолжить. Напиши только изложение: о чём шла речь, что выяснили или решили и что осталось открытым. Разговор:

%1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (продолжение)</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>Закреплённые</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Ранее</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>Unknown export format &quot;%1&quot; (use md or json)</source>
        <translation>Неизвестный формат экспорта «%1» (используйте md или json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>sikao::ui::DeviceListModel</name>
    <message>
        <source>discrete GPU</source>
        <translation>дискретный GPU</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>встроенный GPU</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>виртуальный GPU</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>ЦП</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
</context>
<context>
    <name>sikao::ui::FoundModelList</name>
    <message>
        <source>Sikao cannot run the %1 architecture yet</source>
        <translation>Sikao пока не умеет запускать архитектуру %1</translation>
    </message>
    <message>
        <source>Sikao cannot run tensor type %1 yet</source>
        <translation>Sikao пока не умеет работать с типом тензоров %1</translation>
    </message>
    <message>
        <source>Not a model Sikao can read</source>
        <translation>Это не модель, которую Sikao может прочитать</translation>
    </message>
</context>
</TS>

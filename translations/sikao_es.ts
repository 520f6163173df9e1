<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AttachedTextCards</name>
    <message>
        <source>Pasted text</source>
        <translation>Texto pegado</translation>
    </message>
    <message>
        <source>%1 lines · %2 characters</source>
        <translation>%1 líneas · %2 caracteres</translation>
    </message>
    <message>
        <source>Leave this text out of the message</source>
        <translation>Dejar este texto fuera del mensaje</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>Pensar antes de responder</translation>
    </message>
    <message>
        <source>Models whose template reads enable_thinking answer directly when this is off.</source>
        <translation>Los modelos cuya plantilla lee enable_thinking responden directamente si esto está desactivado.</translation>
    </message>
    <message>
        <source>Reasoning budget</source>
        <translation>Presupuesto de razonamiento</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>ilimitado</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>Reasoning budget in tokens</source>
        <translation>Presupuesto de razonamiento en tokens</translation>
    </message>
    <message>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>Mensaje (Enter para enviar, Shift+Enter para una nueva línea)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar mensaje</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop generating</source>
        <translation>Detener la generación</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Indicación del sistema</translation>
    </message>
    <message>
        <source>System prompt ✓</source>
        <translation>Indicación del sistema ✓</translation>
    </message>
    <message>
        <source>Edit this chat&apos;s system prompt</source>
        <translation>Editar la indicación del sistema de este chat</translation>
    </message>
    <message>
        <source>Instructions the model follows in this chat. New chats start with the default from the settings.</source>
        <translation>Instrucciones que el modelo sigue en este chat. Los chats nuevos empiezan con la predeterminada de los ajustes.</translation>
    </message>
    <message>
        <source>Instructions for the model in this chat (empty: none)</source>
        <translation>Instrucciones para el modelo en este chat (vacío: ninguna)</translation>
    </message>
    <message>
        <source>System prompt of this chat</source>
        <translation>Indicación del sistema de este chat</translation>
    </message>
    <message>
        <source>Stop when the context is full</source>
        <translation>Detener cuando el contexto esté lleno</translation>
    </message>
    <message>
        <source>Off: when the chat outgrows the model&apos;s context, its oldest messages are left out of the model&apos;s view and the chat goes on.</source>
        <translation>Desactivado: cuando el chat supera el contexto del modelo, sus mensajes más antiguos quedan fuera de la vista del modelo y el chat continúa.</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Esfuerzo de razonamiento</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>How long the model reasons before it answers.</source>
        <translation>Cuánto razona el modelo antes de responder.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copiar código</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The model file is not there any more. It may have been moved or deleted.</source>
        <translation>El archivo del modelo ya no está. Puede que se haya movido o eliminado.</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it exists and that you may read it.</source>
        <translation>No se pudo leer el archivo. Comprueba que existe y que tienes permiso para leerlo.</translation>
    </message>
    <message>
        <source>This is not a usable GGUF model file: it is damaged or incomplete.</source>
        <translation>No es un archivo de modelo GGUF utilizable: está dañado o incompleto.</translation>
    </message>
    <message>
        <source>Sikao cannot run this kind of model (its architecture is not supported).</source>
        <translation>Sikao no puede ejecutar este tipo de modelo (su arquitectura no es compatible).</translation>
    </message>
    <message>
        <source>Sikao cannot run this model&apos;s quantisation type.</source>
        <translation>Sikao no puede ejecutar el tipo de cuantización de este modelo.</translation>
    </message>
    <message>
        <source>Sikao cannot run this model: it uses something not supported yet.</source>
        <translation>Sikao no puede ejecutar este modelo: usa algo que aún no es compatible.</translation>
    </message>
    <message>
        <source>No usable graphics device was found. Install a Vulkan driver for your GPU.</source>
        <translation>No se encontró ningún dispositivo gráfico utilizable. Instala un controlador Vulkan para tu GPU.</translation>
    </message>
    <message>
        <source>The graphics device stopped responding. Load the model again.</source>
        <translation>El dispositivo gráfico dejó de responder. Vuelve a cargar el modelo.</translation>
    </message>
    <message>
        <source>There is not enough memory for this model. Try a smaller model or a shorter context.</source>
        <translation>No hay memoria suficiente para este modelo. Prueba un modelo más pequeño o un contexto más corto.</translation>
    </message>
    <message>
        <source>The graphics device reported an error.</source>
        <translation>El dispositivo gráfico informó de un error.</translation>
    </message>
    <message>
        <source>The engine could not do what was asked.</source>
        <translation>El motor no pudo hacer lo que se le pidió.</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Se canceló la carga.</translation>
    </message>
    <message>
        <source>The chat history could not be written.</source>
        <translation>No se pudo escribir el historial de chats.</translation>
    </message>
    <message>
        <source>The disk is full: the chat history could not be saved.</source>
        <translation>El disco está lleno: no se pudo guardar el historial de chats.</translation>
    </message>
    <message>
        <source>Another program is using the chat history. Try again in a moment.</source>
        <translation>Otro programa está usando el historial de chats. Vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The chat history database is damaged.</source>
        <translation>La base de datos del historial de chats está dañada.</translation>
    </message>
    <message>
        <source>The chat history was written by a newer version of Sikao.</source>
        <translation>El historial de chats lo escribió una versión más reciente de Sikao.</translation>
    </message>
    <message>
        <source>This file is not a chat exported by Sikao.</source>
        <translation>Este archivo no es un chat exportado por Sikao.</translation>
    </message>
    <message>
        <source>That chat or message no longer exists.</source>
        <translation>Ese chat o mensaje ya no existe.</translation>
    </message>
    <message>
        <source>Something went wrong inside Sikao.</source>
        <translation>Algo salió mal dentro de Sikao.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Sikao</source>
        <translation>Bienvenido a Sikao</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>Abrir archivo GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modelos GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Sikao runs a language model on your own computer; nothing you type leaves it. A model is one file in the GGUF format, and you have none yet.</source>
        <translation>Sikao ejecuta un modelo de lenguaje en tu propio ordenador; nada de lo que escribes sale de él. Un modelo es un archivo en formato GGUF y todavía no tienes ninguno.</translation>
    </message>
    <message>
        <source>1. Get a model</source>
        <translation>1. Consigue un modelo</translation>
    </message>
    <message>
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral and gpt-oss model families.</source>
        <translation>En cualquier ordenador con navegador web, descarga el archivo GGUF de un modelo de razonamiento pequeño, por ejemplo Qwen3-1.7B o DeepSeek-R1-Distill-Qwen-1.5B. La versión Q4_K_M (de 1 a 2 GB) es un buen comienzo. Sikao ejecuta las familias de modelos Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral y gpt-oss.</translation>
    </message>
    <message>
        <source>2. Put it in the models folder</source>
        <translation>2. Ponlo en la carpeta de modelos</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>Carpeta de modelos</translation>
    </message>
    <message>
        <source>Open the models folder</source>
        <translation>Abrir la carpeta de modelos</translation>
    </message>
    <message>
        <source>I put it there: look again</source>
        <translation>Ya está: buscar de nuevo</translation>
    </message>
    <message>
        <source>Or open a GGUF file from anywhere:</source>
        <translation>O abre un archivo GGUF desde cualquier lugar:</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>Abrir archivo GGUF…</translation>
    </message>
    <message>
        <source>Just looking? Try the demo model</source>
        <translation>¿Solo echando un vistazo? Prueba el modelo de demostración</translation>
    </message>
    <message>
        <source>A tiny demonstration model (about one million parameters) comes with Sikao. It only does simple arithmetic and comparisons, but it shows its reasoning the way real reasoning models do. It is not a general assistant.</source>
        <translation>Sikao incluye un modelo de demostración diminuto (alrededor de un millón de parámetros). Solo hace aritmética sencilla y comparaciones, pero muestra su razonamiento como los modelos de razonamiento reales. No es un asistente general.</translation>
    </message>
    <message>
        <source>Load the demo model</source>
        <translation>Cargar el modelo de demostración</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
</context>
<context>
    <name>FoundModelsOffer</name>
    <message>
        <source>You already have models Sikao can run</source>
        <translation>Ya tienes modelos que Sikao puede ejecutar</translation>
    </message>
    <message>
        <source>Other apps keep these on this computer. Sikao only reads them; they stay where they are.</source>
        <translation>Otras aplicaciones los guardan en este ordenador. Sikao solo los lee; se quedan donde están.</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>De %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Cargar</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Cargar %1</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Reasoning inspector</source>
        <translation>Inspector de razonamiento</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>Copiar el razonamiento</translation>
    </message>
    <message>
        <source>Close the inspector</source>
        <translation>Cerrar el inspector</translation>
    </message>
    <message>
        <source>Find in reasoning</source>
        <translation>Buscar en el razonamiento</translation>
    </message>
    <message>
        <source>Reasoning steps</source>
        <translation>Pasos de razonamiento</translation>
    </message>
    <message>
        <source>Step %1 · %2 tokens · mean confidence %3%</source>
        <translation>Paso %1 · %2 tokens · confianza media %3%</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Paso %1</translation>
    </message>
    <message>
        <source>“%1”: %2%</source>
        <translation>«%1»: %2%</translation>
    </message>
    <message>
        <source>No token probabilities were stored for this answer.</source>
        <translation>No se guardaron probabilidades de tokens para esta respuesta.</translation>
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
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Back to chat</source>
        <translation>Volver al chat</translation>
    </message>
    <message>
        <source>Back to chat (Esc)</source>
        <translation>Volver al chat (Esc)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Edited message</source>
        <translation>Mensaje editado</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Versión anterior</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Versión siguiente</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Copiar mensaje</translation>
    </message>
    <message>
        <source>Regenerate answer</source>
        <translation>Regenerar la respuesta</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>Editar y reenviar</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s</source>
        <translation>%1 tokens · %2 tokens/s</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Mostrar menos</translation>
    </message>
    <message>
        <source>Show all (%1 characters)</source>
        <translation>Mostrar todo (%1 caracteres)</translation>
    </message>
    <message>
        <source>Outside the model&apos;s view</source>
        <translation>Fuera de la vista del modelo</translation>
    </message>
    <message>
        <source>The context is full: the answer ends here.</source>
        <translation>El contexto está lleno: la respuesta termina aquí.</translation>
    </message>
    <message>
        <source>Continue in a new chat with a summary</source>
        <translation>Continuar en un nuevo chat con un resumen</translation>
    </message>
    <message>
        <source>Rest of the message</source>
        <translation>Resto del mensaje</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>Abrir archivo GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modelos GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Add a models folder</source>
        <translation>Añadir una carpeta de modelos</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>Abrir archivo GGUF…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Refresh the list of models</source>
        <translation>Actualizar la lista de modelos</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>Cargado: %1</translation>
    </message>
    <message>
        <source>Device: %1 · context %2 tokens</source>
        <translation>Dispositivo: %1 · contexto de %2 tokens</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Progreso de carga</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>Cancelar la carga del modelo</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>Carpeta de modelos: %1</translation>
    </message>
    <message>
        <source>Also looking in: %1</source>
        <translation>También se busca en: %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Stop looking in %1</source>
        <translation>Dejar de buscar en %1</translation>
    </message>
    <message>
        <source>Reading the model files</source>
        <translation>Leyendo los archivos de modelo</translation>
    </message>
    <message>
        <source>No models yet. Put a .gguf file in the models folder or open one.</source>
        <translation>Aún no hay modelos. Pon un archivo .gguf en la carpeta de modelos o abre uno.</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>razonamiento</translation>
    </message>
    <message>
        <source>tiny demo</source>
        <translation>demo diminuta</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>cargado</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · context %4 · %5</source>
        <translation>%1 · %2 · %3 parámetros · contexto %4 · %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Cargar</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Cargar %1</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>Quitar %1 de la lista</translation>
    </message>
    <message>
        <source>Weights: %1 on the device, %2 in system memory</source>
        <translation>Pesos: %1 en el dispositivo, %2 en la memoria del sistema</translation>
    </message>
    <message>
        <source>Weights: %1 on the device</source>
        <translation>Pesos: %1 en el dispositivo</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>Encontrados en este equipo</translation>
    </message>
    <message>
        <source>Looking in the folders of LM Studio, Ollama, Jan, GPT4All, llama.cpp and Hugging Face…</source>
        <translation>Buscando en las carpetas de LM Studio, Ollama, Jan, GPT4All, llama.cpp y Hugging Face…</translation>
    </message>
    <message>
        <source>No models from LM Studio, Ollama, Jan, GPT4All, llama.cpp or Hugging Face were found.</source>
        <translation>No se encontraron modelos de LM Studio, Ollama, Jan, GPT4All, llama.cpp ni Hugging Face.</translation>
    </message>
    <message>
        <source>The search stopped at its limit; there may be more.</source>
        <translation>La búsqueda se detuvo en su límite; puede haber más.</translation>
    </message>
    <message>
        <source>Sikao only reads these files; they stay where they are.</source>
        <translation>Sikao solo lee estos archivos; se quedan donde están.</translation>
    </message>
    <message>
        <source>%1 (cannot run: %2)</source>
        <translation>%1 (no se puede ejecutar: %2)</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>De %1 · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message>
        <source>Thought for %1 s · %2 tokens</source>
        <translation>Pensó durante %1 s · %2 tokens</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Inspeccionar</translation>
    </message>
    <message>
        <source>Open the reasoning inspector</source>
        <translation>Abrir el inspector de razonamiento</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>Copiar el razonamiento</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Razonamiento</translation>
    </message>
    <message>
        <source>Thinking… %1 s · %2 tokens</source>
        <translation>Pensando… %1 s · %2 tokens</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Muestreo</translation>
    </message>
    <message>
        <source>Temperature (0: always the most likely token)</source>
        <translation>Temperatura (0: siempre el token más probable)</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0: desactivado</translation>
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
        <translation>Penalización por repetición</translation>
    </message>
    <message>
        <source>New random seed for every answer</source>
        <translation>Nueva semilla aleatoria en cada respuesta</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Maximum answer length (tokens)</source>
        <translation>Longitud máxima de respuesta (tokens)</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>Longitud de contexto (tokens)</translation>
    </message>
    <message>
        <source>0: the model&apos;s own. Applies when a model is loaded.</source>
        <translation>0: el del modelo. Se aplica al cargar un modelo.</translation>
    </message>
    <message>
        <source>Restore the default sampling settings</source>
        <translation>Restaurar los ajustes de muestreo predeterminados</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>Indicación de sistema predeterminada</translation>
    </message>
    <message>
        <source>Sent at the start of every new chat. Leave it empty to use none.</source>
        <translation>Se envía al inicio de cada chat nuevo. Déjala vacía para no usar ninguna.</translation>
    </message>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>Eres un asistente útil.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Tamaño de letra</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>The graphics device that runs the model. A change applies the next time a model is loaded.</source>
        <translation>El dispositivo gráfico que ejecuta el modelo. Un cambio se aplica la próxima vez que se cargue un modelo.</translation>
    </message>
    <message>
        <source>Automatic (the fastest device)</source>
        <translation>Automático (el dispositivo más rápido)</translation>
    </message>
    <message>
        <source>%1 — %2, %3 memory</source>
        <translation>%1 — %2, %3 de memoria</translation>
    </message>
    <message>
        <source>Looking for devices</source>
        <translation>Buscando dispositivos</translation>
    </message>
    <message>
        <source>Device memory budget (MB)</source>
        <translation>Presupuesto de memoria del dispositivo (MB)</translation>
    </message>
    <message>
        <source>0: automatic (90% of a graphics card&apos;s own memory). A mixture-of-experts model beyond it keeps experts in system memory. Applies when a model is loaded.</source>
        <translation>0: automático (el 90 % de la memoria propia de una tarjeta gráfica). Un modelo de mezcla de expertos que lo supere mantiene expertos en la memoria del sistema. Se aplica al cargar un modelo.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>Iniciar un nuevo chat (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Buscar en todos los chats</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Reasoning: </source>
        <translation>Razonamiento: </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Fijadas</translation>
    </message>
    <message>
        <source>New title</source>
        <translation>Nuevo título</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>Acciones de la conversación</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Cambiar nombre</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Desfijar</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Fijar</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Exportar como Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Exportar como JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>Se eliminó «%1»</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Deshacer la eliminación</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>Exportar chat</translation>
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
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>Gestionar modelos</translation>
    </message>
    <message>
        <source>Choose, open and load models</source>
        <translation>Elegir, abrir y cargar modelos</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Sampling, system prompt, appearance, language and device (Ctrl+,)</source>
        <translation>Muestreo, indicación del sistema, apariencia, idioma y dispositivo (Ctrl+,)</translation>
    </message>
    <message>
        <source>Hide the conversations (Ctrl+B)</source>
        <translation>Ocultar las conversaciones (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>SidebarRail</name>
    <message>
        <source>Show the conversations (Ctrl+B)</source>
        <translation>Mostrar las conversaciones (Ctrl+B)</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Buscar en todos los chats</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
</context>
<context>
    <name>StartupPanel</name>
    <message>
        <source>Start a chat</source>
        <translation>Empezar un chat</translation>
    </message>
    <message>
        <source>Model: %1 on %2, context %3 tokens.</source>
        <translation>Modelo: %1 en %2, contexto de %3 tokens.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>No hay ningún modelo cargado.</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>Progreso de carga del modelo</translation>
    </message>
    <message>
        <source>Type a message below. A reasoning model shows its thinking above the answer; open it to inspect every step and how sure the model was of each token.</source>
        <translation>Escribe un mensaje abajo. Un modelo de razonamiento muestra su razonamiento encima de la respuesta; ábrelo para examinar cada paso y la seguridad del modelo en cada token.</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>Modelos…</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>Gestionar modelos</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>This is Sikao&apos;s tiny demo model: it only does simple arithmetic and comparisons. For a real assistant, load a model of your own from Models.</source>
        <translation>Este es el pequeño modelo de demostración de Sikao: solo hace aritmética sencilla y comparaciones. Para un asistente de verdad, carga un modelo propio desde Modelos.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No model</source>
        <translation>Sin modelo</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modelo: %1</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Cargando modelo…</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>Progreso de carga del modelo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>Cancelar la carga del modelo</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Dispositivo: %1</translation>
    </message>
    <message>
        <source>Context %1 / %2</source>
        <translation>Contexto %1 / %2</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 tokens/s</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>Generando… (Esc para detener)</translation>
    </message>
    <message>
        <source>Built-in chat format</source>
        <translation>Formato de chat integrado</translation>
    </message>
    <message>
        <source>The model&apos;s chat template could not be used, so the built-in format was used instead: %1</source>
        <translation>No se pudo usar la plantilla de chat del modelo, así que se usó el formato integrado: %1</translation>
    </message>
    <message>
        <source>History read-only</source>
        <translation>Historial de solo lectura</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>El historial es de solo lectura: los mensajes nuevos no se pueden guardar.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The history database was damaged (%1). It was kept as %2 and a new one started.</source>
        <translation>La base de datos del historial estaba dañada (%1). Se conservó como %2 y se creó una nueva.</translation>
    </message>
    <message>
        <source>The history cannot be opened (%1). This session&apos;s chats are kept in %2 only.</source>
        <translation>No se puede abrir el historial (%1). Los chats de esta sesión solo se guardan en %2.</translation>
    </message>
    <message>
        <source>The history at %1 cannot be written (read-only). Past chats are shown; new messages are not saved.</source>
        <translation>No se puede escribir en el historial de %1 (solo lectura). Se muestran los chats anteriores; los mensajes nuevos no se guardan.</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>El modelo todavía se está cargando.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model to start chatting.</source>
        <translation>No hay ningún modelo cargado. Abra un modelo GGUF para empezar a chatear.</translation>
    </message>
    <message>
        <source>Wait for the answer or stop it.</source>
        <translation>Espere la respuesta o deténgala.</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>El historial es de solo lectura: los mensajes nuevos no se pueden guardar.</translation>
    </message>
    <message>
        <source>1 earlier message is outside the model&apos;s view</source>
        <translation>1 mensaje anterior está fuera de la vista del modelo</translation>
    </message>
    <message>
        <source>%1 earlier messages are outside the model&apos;s view</source>
        <translation>%1 mensajes anteriores están fuera de la vista del modelo</translation>
    </message>
    <message>
        <source>This chat no longer fits the model&apos;s context (%1 tokens). Start a new chat, or turn off “Stop when the context is full” to leave the oldest messages out of the model&apos;s view.</source>
        <translation>Este chat ya no cabe en el contexto del modelo (%1 tokens). Empieza un chat nuevo o desactiva «Detener cuando el contexto esté lleno» para dejar los mensajes más antiguos fuera de la vista del modelo.</translation>
    </message>
    <message>
        <source>(1 earlier message left out)</source>
        <translation>(se omitió 1 mensaje anterior)</translation>
    </message>
    <message>
        <source>(%1 earlier messages left out)</source>
        <translation>(se omitieron %1 mensajes anteriores)</translation>
    </message>
    <message>
        <source>Summarise our earlier conversation so that we can continue it. Write only the summary: what it was about, what was found or decided, and what is still open. The conversation:

%1</source>
        <translation>Resume nuestra conversación anterior para que podamos continuarla. Escribe solo el resumen: de qué trataba, qué se averiguó o decidió y qué sigue pendiente. La conversación:

%1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (continuación)</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>Fijadas</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Anteriores</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>Unknown export format &quot;%1&quot; (use md or json)</source>
        <translation>Formato de exportación desconocido «%1» (use md o json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>sikao::ui::DeviceListModel</name>
    <message>
        <source>discrete GPU</source>
        <translation>GPU dedicada</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>GPU integrada</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>GPU virtual</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
</context>
<context>
    <name>sikao::ui::FoundModelList</name>
    <message>
        <source>Sikao cannot run the %1 architecture yet</source>
        <translation>Sikao aún no puede ejecutar la arquitectura %1</translation>
    </message>
    <message>
        <source>Sikao cannot run tensor type %1 yet</source>
        <translation>Sikao aún no puede ejecutar el tipo de tensor %1</translation>
    </message>
    <message>
        <source>Not a model Sikao can read</source>
        <translation>No es un modelo que Sikao pueda leer</translation>
    </message>
</context>
</TS>

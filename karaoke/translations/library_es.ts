<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>LessonBuilder</name>
    <message>
        <source>New lesson</source>
        <translation>Nueva lección</translation>
    </message>
    <message>
        <source>Songs in the library</source>
        <translation>Canciones de la biblioteca</translation>
    </message>
    <message>
        <source>The lesson</source>
        <translation>La lección</translation>
    </message>
    <message>
        <source>Search by title, subtitle or language</source>
        <translation>Buscar por título, subtítulo o idioma</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>A&amp;udience:</source>
        <translation>Pú&amp;blico:</translation>
    </message>
    <message>
        <source>&amp;Objectives:</source>
        <translation>&amp;Objetivos:</translation>
    </message>
    <message>
        <source>&amp;Running order:</source>
        <translation>Orden de la &amp;lección:</translation>
    </message>
    <message>
        <source>e.g. 4th year of secondary school</source>
        <translation>p. ej. 4.º de ESO</translation>
    </message>
    <message>
        <source>One objective a line</source>
        <translation>Un objetivo por línea</translation>
    </message>
    <message>
        <source>Search the library</source>
        <extracomment>The folder under the app&apos;s data folder that &quot;Save as…&quot; starts in. Each control&apos;s accessible name and description, by attribute.</extracomment>
        <translation>Buscar en la biblioteca</translation>
    </message>
    <message>
        <source>Shows the songs holding every word typed</source>
        <translation>Muestra las canciones que contienen todas las palabras escritas</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Canciones</translation>
    </message>
    <message>
        <source>Return or a double click adds the song to the lesson</source>
        <translation>Retorno o un doble clic añade la canción a la lección</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>The lesson&apos;s title</source>
        <translation>El título de la lección</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Público</translation>
    </message>
    <message>
        <source>Who the lesson is for</source>
        <translation>Para quién es la lección</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>What the class will learn, one a line</source>
        <translation>Lo que aprenderá la clase, uno por línea</translation>
    </message>
    <message>
        <source>Running order</source>
        <translation>Orden de la lección</translation>
    </message>
    <message>
        <source>The songs of the lesson, in the order played</source>
        <translation>Las canciones de la lección, en el orden en que suenan</translation>
    </message>
    <message>
        <source>&amp;Add to lesson</source>
        <extracomment>Each button&apos;s text and accessible description, by attribute.</extracomment>
        <translation>&amp;Añadir a la lección</translation>
    </message>
    <message>
        <source>Add the selected song to the lesson</source>
        <translation>Añade a la lección la canción elegida</translation>
    </message>
    <message>
        <source>Mo&amp;ve up</source>
        <translation>S&amp;ubir</translation>
    </message>
    <message>
        <source>Play the selected item earlier</source>
        <translation>Pone antes el elemento elegido</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Ba&amp;jar</translation>
    </message>
    <message>
        <source>Play the selected item later</source>
        <translation>Pone después el elemento elegido</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Take the selected item out of the lesson</source>
        <translation>Quita de la lección el elemento elegido</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Guardar como…</translation>
    </message>
    <message>
        <source>Save the lesson as a file</source>
        <translation>Guarda la lección en un archivo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
    <message>
        <source>Cannot save the lesson</source>
        <translation>No se puede guardar la lección</translation>
    </message>
    <message>
        <source>Save the lesson</source>
        <translation>Guardar la lección</translation>
    </message>
    <message>
        <source>Lessons (*.toml)</source>
        <translation>Lecciones (*.toml)</translation>
    </message>
    <message>
        <source>Lesson saved</source>
        <translation>Lección guardada</translation>
    </message>
    <message>
        <source>Present it to the class now?</source>
        <translation>¿Presentarla ahora a la clase?</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presentar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>stanzas %1–%2</source>
        <translation>estrofas %1–%2</translation>
    </message>
    <message>
        <source>stanza %1</source>
        <translation>estrofa %1</translation>
    </message>
    <message>
        <source>no teaching pauses</source>
        <translation>sin pausas didácticas</translation>
    </message>
    <message>
        <source>Stan&amp;zas:</source>
        <translation>E&amp;strofas:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Teaching &amp;pauses</source>
        <translation>&amp;Pausas didácticas</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>For the teacher only</source>
        <translation>Solo para el docente</translation>
    </message>
    <message>
        <source>First stanza</source>
        <translation>Primera estrofa</translation>
    </message>
    <message>
        <source>The first stanza it plays</source>
        <translation>La primera estrofa que suena</translation>
    </message>
    <message>
        <source>Last stanza</source>
        <translation>Última estrofa</translation>
    </message>
    <message>
        <source>The last stanza it plays</source>
        <translation>La última estrofa que suena</translation>
    </message>
    <message>
        <source>Teaching pauses</source>
        <translation>Pausas didácticas</translation>
    </message>
    <message>
        <source>Pause after each stanza to explain it</source>
        <translation>Pausa tras cada estrofa para explicarla</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Notes for the teacher, never shown to the class</source>
        <translation>Notas para el docente, nunca se muestran a la clase</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <source>Song library</source>
        <translation>Biblioteca de canciones</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>B&amp;uscar:</translation>
    </message>
    <message>
        <source>Title, subtitle or language</source>
        <translation>Título, subtítulo o idioma</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Buscar en la biblioteca</translation>
    </message>
    <message>
        <source>Shows the songs whose title, subtitle or language hold every word typed</source>
        <translation>Muestra las canciones cuyo título, subtítulo o idioma contienen todas las palabras escritas</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Canciones</translation>
    </message>
    <message>
        <source>Return or a double click opens the song</source>
        <translation>Retorno o un doble clic abre la canción</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>A&amp;brir</translation>
    </message>
    <message>
        <source>Open the selected song in this window</source>
        <translation>Abre la canción elegida en esta ventana</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Presentar</translation>
    </message>
    <message>
        <source>Open the selected song and present it</source>
        <translation>Abre la canción elegida y la presenta</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>Remove the selected song from the library</source>
        <translation>Quita de la biblioteca la canción elegida</translation>
    </message>
    <message>
        <source>&amp;Add folder…</source>
        <translation>&amp;Añadir carpeta…</translation>
    </message>
    <message>
        <source>Add a folder of songs to the library</source>
        <translation>Añade a la biblioteca una carpeta de canciones</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the library</source>
        <translation>Cierra la biblioteca</translation>
    </message>
    <message>
        <source>1 song</source>
        <translation>1 canción</translation>
    </message>
    <message>
        <source>%2 songs</source>
        <translation>%2 canciones</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>A song that comes with the app cannot be removed</source>
        <translation>Una canción que viene con la aplicación no se puede quitar</translation>
    </message>
    <message>
        <source>Cannot remove this song</source>
        <translation>No se puede quitar esta canción</translation>
    </message>
    <message>
        <source>Delete “%1” from your songs folder?</source>
        <translation>¿Borrar «%1» de tu carpeta de canciones?</translation>
    </message>
    <message>
        <source>Its folder is deleted from the disk:
%1</source>
        <translation>Su carpeta se borra del disco:
%1</translation>
    </message>
    <message>
        <source>Forget the folder “%1”?</source>
        <translation>¿Olvidar la carpeta «%1»?</translation>
    </message>
    <message>
        <source>Its song leaves the library. Nothing is deleted.</source>
        <translation>Su canción sale de la biblioteca. No se borra nada.</translation>
    </message>
    <message>
        <source>Its %1 songs leave the library. Nothing is deleted.</source>
        <translation>Sus %1 canciones salen de la biblioteca. No se borra nada.</translation>
    </message>
    <message>
        <source>Remove from the library</source>
        <translation>Quitar de la biblioteca</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Add a folder of songs</source>
        <translation>Añadir una carpeta de canciones</translation>
    </message>
    <message>
        <source>Cannot add this folder</source>
        <translation>No se puede añadir esta carpeta</translation>
    </message>
    <message>
        <source>Cannot open this song: %1</source>
        <translation>No se puede abrir esta canción: %1</translation>
    </message>
    <message>
        <source>Title</source>
        <extracomment>The columns, in order; their titles are translated when shown.</extracomment>
        <translation>Título</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Stanzas</source>
        <translation>Estrofas</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>What a column sorts by: numbers for the numeric columns, folded text for the others.</extracomment>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
</TS>

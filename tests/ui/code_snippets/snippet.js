// Debounces a function; "return" in a comment is no keyword.
export function debounce(fn, wait = 250) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn.apply(this, args), wait);
  };
}

const $status = document.querySelector('#status');
const render = debounce(async (count) => {
  const response = await fetch(`/api/items?count=${count}
&page=1`);
  const items = await response.json();
  $status.textContent = `${items.length} items`;
}, 1e3);

/* Multi-line comment
   with const inside */
render(0b1010);

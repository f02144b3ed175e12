document.body.append("studio");
